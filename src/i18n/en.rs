use super::{euros, group_thousands, Texts};
use chrono::NaiveDate;

fn idea_count(n: i64) -> String {
    match n {
        1 => "1 idea".to_owned(),
        n => format!("{} ideas", group_thousands(n, ',')),
    }
}

fn project_count(n: usize) -> String {
    match n {
        1 => "1 project".to_owned(),
        n => format!("{n} projects"),
    }
}

fn money(cents: i64) -> String {
    let amount = euros(cents, ',', '.', "million");
    format!("€{amount}")
}

fn date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

pub(super) const TEXTS: Texts = Texts {
    site_name: "Stadtlabor",
    site_tagline: "Take part in the digital model region of the district of Soest",
    skip_to_content: "Skip to content",
    nav_label: "Main navigation",
    nav_home: "Home",
    nav_projects: "Projects",
    footer_label: "Service and legal information",
    footer_operator: "A service of the city lab SO Digital in the district of Soest.",
    footer_imprint: "Legal notice",
    footer_privacy: "Privacy",
    footer_accessibility: "Accessibility statement",
    language_label: "Language",
    language_name: "English",

    home_title: "Help shape the digital region",
    home_intro: "The district of Soest is a digital model region of the state of North \
        Rhine-Westphalia. In the city lab SO Digital, citizens, businesses and the \
        administration get to know the region's digitalization projects, contribute their own \
        ideas, discuss them and take part in workshops.",
    home_how_title: "How you can take part",
    home_how_steps: &[
        "Browse and follow the region's projects",
        "Submit, discuss and support ideas",
        "Join workshops as a business",
        "Hear by email what becomes of your ideas",
    ],
    home_projects_title: "The region's digitalization projects",
    home_all_projects: "See all projects",
    facts_title: "The funding programme in figures",
    facts_funded_projects: "funded projects",
    facts_funding: "funding",
    facts_proposed_projects: "further projects proposed",
    facts_proposed_funding: "volume applied for",

    projects_title: "Projects",
    projects_intro: "All digitalization projects of the model region at a glance.",
    projects_empty: "No projects have been published yet.",
    project_facts_title: "Key facts",
    project_description_title: "What it is about",
    fact_phase: "Phase",
    fact_funding: "Funding",
    fact_responsible: "Responsible",
    fact_contact: "Contact",
    fact_districts: "Municipalities and districts",
    fact_period: "Duration",
    fact_category: "Topic",
    fact_ideas: "Ideas",
    not_specified: "not specified",
    accepts_ideas: "Open for ideas",
    closed_for_ideas: "Not accepting ideas at the moment",
    archived: "Archived",
    back_to_projects: "Back to all projects",
    phase_planned: "Planned",
    phase_running: "Running",
    phase_completed: "Completed",

    loading: "Loading …",
    not_found_title: "Page not found",
    not_found_text: "The page you asked for does not exist or no longer exists. The home page \
        may help you further.",
    to_home: "Go to the home page",
    error_title: "Something went wrong",
    error_text: "The page could not be loaded just now. Please try again in a few minutes.",

    imprint_title: "Legal notice",
    imprint_body: &[
        "This participation platform is provided by the district of Soest (Kreis Soest), \
         represented by the district administrator, for the city lab SO Digital.",
        "The editorial content is the responsibility of the staff of the district \
         administration named as contacts in the projects. Contributions by citizens and \
         businesses reflect their own opinion.",
        "Stadtlabor is free software. Operators of another installation replace this text \
         with their own legal notice under § 5 DDG.",
    ],
    privacy_title: "Privacy",
    privacy_body: &[
        "We process only the data needed for participation: your account (name, email \
         address, for businesses the organisation name), your contributions and your \
         notification settings.",
        "The platform sets only technically necessary cookies: the chosen language and, after \
         logging in, a session identifier. There are no analytics or advertising services and \
         no third-party content.",
        "You receive emails only about topics you follow; every notification can be \
         unsubscribed with one click. You may request access to, correction and deletion of \
         your data.",
    ],
    accessibility_title: "Accessibility statement",
    accessibility_body: &[
        "The district of Soest strives to make this platform accessible in accordance with \
         the German accessibility regulation BITV 2.0. The standard applied is the Web Content \
         Accessibility Guidelines (WCAG) 2.1, level AA.",
        "All pages can be used with the keyboard, work without JavaScript and are checked \
         automatically for WCAG 2.1 AA violations with every change.",
        "Have you noticed barriers? Write to the city lab SO Digital; we answer within six \
         weeks. If your request remains unanswered, you can contact the ombuds office for \
         accessible information technology of North Rhine-Westphalia.",
    ],

    idea_count,
    project_count,
    money,
    date,
};
