use super::{euros, group_thousands, Texts};
use crate::domain::ideas::MatchCount;
use crate::domain::notifications::NotificationKind;
use crate::domain::validation::ValidationError;
use chrono::NaiveDate;

fn idea_count(n: i64) -> String {
    match n {
        1 => "1 idea".to_owned(),
        n => format!("{} ideas", group_thousands(n, ',')),
    }
}

fn ideas_found(total: MatchCount) -> String {
    match total {
        MatchCount::Exactly(n) => idea_count(n),
        MatchCount::MoreThan(n) => format!("More than {} ideas", group_thousands(n, ',')),
    }
}

fn unread_count(n: i64) -> String {
    format!("{n} unread")
}

fn supports_left(left: i64, limit: i64) -> String {
    format!("You can support {left} more of {limit} ideas in this project.")
}

fn notification_text(kind: NotificationKind, actor: &str, idea: &str, project: &str) -> String {
    match kind {
        NotificationKind::CommentOnFollowed => format!("{actor} commented on the idea “{idea}”."),
        NotificationKind::ReplyToComment => {
            format!("{actor} replied to your comment on the idea “{idea}”.")
        }
        NotificationKind::StatusChange => format!("The idea “{idea}” has a new status."),
        NotificationKind::NewIdeaInProject => {
            format!("{actor} submitted the idea “{idea}” in the project “{project}”.")
        }
    }
}

fn support_count(n: i64) -> String {
    match n {
        1 => "1 supporter".to_owned(),
        n => format!("{} supporters", group_thousands(n, ',')),
    }
}

fn comment_count(n: i64) -> String {
    match n {
        1 => "1 comment".to_owned(),
        n => format!("{} comments", group_thousands(n, ',')),
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

fn validation(error: &ValidationError) -> String {
    match error {
        ValidationError::Required => "Please fill in this field.".to_owned(),
        ValidationError::TooShort { min } => format!("Please enter at least {min} characters."),
        ValidationError::TooLong { max } => format!("Please enter at most {max} characters."),
        ValidationError::InvalidCharacters => {
            "Please do not use control characters or line breaks.".to_owned()
        }
        ValidationError::InvalidEmail => {
            "Please enter a valid email address, e.g. name@example.org.".to_owned()
        }
        ValidationError::InvalidUrl => {
            "Please enter a web address starting with https://.".to_owned()
        }
        ValidationError::Invalid => "Please choose one of the options offered.".to_owned(),
        ValidationError::EmailTaken => "This email address is already in use.".to_owned(),
        ValidationError::PasswordMismatch => "The passwords do not match.".to_owned(),
        ValidationError::WrongPassword => "Email address or password is not correct.".to_owned(),
        ValidationError::ConsentRequired => {
            "We cannot create an account without your consent.".to_owned()
        }
        ValidationError::NotAnImage => "Please choose a JPEG, PNG or WebP picture.".to_owned(),
        ValidationError::FileTooLarge { max_megabytes } => {
            format!("The file is too large: {max_megabytes} MB at most.")
        }
        ValidationError::ImageTooLarge { max_side } => format!(
            "The picture is too large: {} pixels on a side at most.",
            group_thousands(i64::from(*max_side), ',')
        ),
        ValidationError::FormRejected => {
            "The registration could not be completed. Please reload the page and send the form \
             again."
                .to_owned()
        }
        ValidationError::InvalidLink => {
            "This link is invalid, has expired or was already used.".to_owned()
        }
        ValidationError::NotAllowed => "This change is not possible.".to_owned(),
        ValidationError::InvalidSlug => {
            "Please use only lowercase letters a–z, digits and hyphens (e.g. 3d-city-model)."
                .to_owned()
        }
        ValidationError::SlugTaken => {
            "This address is already taken. Please choose another one.".to_owned()
        }
        ValidationError::InvalidDate => {
            "Please enter a date as DD.MM.YYYY, e.g. 01.03.2027.".to_owned()
        }
        ValidationError::EndBeforeStart => "The end must not lie before the start.".to_owned(),
        ValidationError::InvalidAmount => {
            "Please enter an amount in euros, e.g. 1,250,000 or 980.50.".to_owned()
        }
        ValidationError::NumberOutOfRange { min, max } => {
            format!("Please enter a whole number from {min} to {max}.")
        }
        ValidationError::DiscussionClosed => {
            "The discussion is closed: you can no longer comment here.".to_owned()
        }
        ValidationError::OwnIdea => "You cannot support your own idea.".to_owned(),
        ValidationError::SupportLimitReached { limit } => {
            format!("You have used all {limit} supports for this project. Take one back to support this idea.")
        }
        ValidationError::SupportClosed => "This idea can no longer be supported.".to_owned(),
        ValidationError::ConfirmationRequired => "Please confirm this statement.".to_owned(),
        ValidationError::OwnContent => "You cannot report your own contributions.".to_owned(),
        ValidationError::AlreadyReported => {
            "You have already reported this. The moderators are reviewing your report.".to_owned()
        }
        ValidationError::AlreadyDecided => {
            "This has been decided in the meantime. Please reload the page.".to_owned()
        }
        ValidationError::ConflictOfInterest => {
            "Another moderator decides on your own contributions and your own reports.".to_owned()
        }
        ValidationError::NothingSelected => "Please select at least one contribution.".to_owned(),
        ValidationError::RegistrationRefused => {
            "Registering with this email address is not possible at the moment.".to_owned()
        }
        ValidationError::AlreadyObjected => {
            "You have already objected to this decision. The moderators are reviewing your objection.".to_owned()
        }
        ValidationError::InvalidTime => "Please enter a time as HH:MM, e.g. 16:00. (The hour skipped by the March clock change does not exist.)".to_owned(),
        ValidationError::StartInPast => "The start lies in the past.".to_owned(),
        ValidationError::DeadlineAfterStart => "The registration deadline cannot be after the start.".to_owned(),
        ValidationError::PlacesAboveCapacity => "A registration cannot take more places than the workshop has.".to_owned(),
        ValidationError::CapacityBelowTaken { taken } => format!("{taken} places are already taken. Fewer places are not possible."),
        ValidationError::RegistrationClosed => "Registration for this workshop is closed.".to_owned(),
        ValidationError::WorkshopCancelled => "This workshop was cancelled.".to_owned(),
        ValidationError::WorkshopOver => "This workshop has already taken place.".to_owned(),
        ValidationError::WorkshopFull => "This workshop is full and has no waiting list.".to_owned(),
        ValidationError::BusinessesOnly => "This workshop is for businesses. Please sign in with a business account.".to_owned(),
        ValidationError::OrganisationNotVerified => "This workshop is for businesses. The administration is still checking your business; once it is confirmed you can register.".to_owned(),
        ValidationError::AlreadyRegistered => "You are already registered or on the waiting list for this workshop.".to_owned(),
        ValidationError::NotRegistered => "There is no (longer a) registration for this workshop.".to_owned(),
        ValidationError::RegistrationNotOpen { opens_at } => format!("Registration opens on {}.", (crate::i18n::workshops::EN.at)(*opens_at)),
        ValidationError::OpeningAfterDeadline => "Registration must open before its deadline.".to_owned(),
        ValidationError::TooFewChoices => "A choice question needs at least two options (one per line).".to_owned(),
        ValidationError::TooManyChoices { max } => format!("At most {max} options."),
        ValidationError::DuplicateChoice => "Each option may appear only once.".to_owned(),
        ValidationError::NoOffer => "No place is (any longer) held for you.".to_owned(),
    }
}

fn rate_limited(seconds: u64) -> String {
    let minutes = seconds.div_ceil(60);
    match minutes {
        1 => "Too many attempts. Please wait one minute, then try again.".to_owned(),
        m => format!("Too many attempts. Please wait {m} minutes, then try again."),
    }
}

pub(super) const TEXTS: Texts = Texts {
    moderation: &super::moderation::EN,
    workshops: &super::workshops::EN,
    mails: &super::mails::EN,
    site_name: "Stadtlabor",
    site_tagline: "Take part in the digital model region of the district of Soest",
    skip_to_content: "Skip to content",
    demo_notice: "Demo: the people, ideas and comments on this site are invented. They show what taking part looks like here.",
    menu_toggle: "Menu",
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
    header_name: "Stadtlabor SO Digital",

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
    home_projects_listed: |n| match n {
        1 => "One of these projects is presented here already; more will follow.".to_owned(),
        n => format!("{n} of these projects are presented here already; more will follow."),
    },
    home_submit_idea: "Submit an idea",
    home_search_label: "Search ideas",
    home_search_submit: "Search",
    home_newest_title: "New ideas",
    home_supported_title: "Most supported ideas",
    home_no_ideas: "No ideas yet – submit the first one!",
    home_all_ideas: "See all ideas",
    home_workshops_title: "Upcoming workshops",
    home_all_workshops: "See all workshops",
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

    nav_login: "Log in",
    nav_register: "Register",
    nav_account: "My account",
    nav_admin: "Administration",
    logout: "Log out",
    register_title: "Register",
    register_intro: "With an account you can submit, discuss and support ideas. Businesses can also sign up for workshops.",
    account_type_legend: "I am registering as",
    account_citizen: "Citizen",
    account_business: "Business or organisation",
    field_display_name: "Display name",
    field_display_name_hint: "Shown with your contributions.",
    field_email: "Email address",
    field_password: "Password",
    field_password_hint: "At least 10 characters. A long sentence makes a good password.",
    field_organisation_name: "Name of the business or organisation",
    field_organisation_hint: "Only for businesses and organisations; shown with your contributions.",
    field_organisation_website: "Website (optional)",
    privacy_consent_label: "I have read the privacy notice and agree to my data being processed for participation.",
    honeypot_label: "Please leave this field empty.",
    register_submit: "Create account",
    register_done_title: "Almost done",
    register_done_text: "We have sent you an email. Please confirm your address with the link in it. You can already log in; you can submit ideas, comment and vote once confirmed.",
    login_title: "Log in",
    login_submit: "Log in",
    forgot_password_link: "Forgot your password?",
    no_account: "No account yet?",
    password_reset_done: "Your password was changed. Please log in with the new password.",
    verify_title: "Confirm email address",
    verify_success: "Your email address is confirmed. Now you can take part.",
    verify_intro: "Please confirm with one click that this email address is yours.",
    email_confirm_intro: "Please confirm with one click that your account uses this email address from now on. Then sign in with the new address.",
    email_confirm_submit: "Confirm new address",
    forgot_title: "Forgot password",
    forgot_intro: "Enter the email address of your account. We will send you a link to choose a new password.",
    forgot_submit: "Send link",
    forgot_sent: "If an account exists for this address, we have sent you a link. It is valid for one hour.",
    reset_title: "Choose a new password",
    field_new_password: "New password",
    reset_submit: "Save password",
    account_title: "My account",
    profile_title: "Profile",
    field_language: "Language for emails",
    profile_submit: "Save profile",
    password_title: "Change password",
    field_current_password: "Current password",
    password_submit: "Change password",
    email_title: "Change email address",
    current_email_label: "Current address",
    field_new_email: "New email address",
    email_submit: "Send confirmation link",
    saved_profile: "Your profile was saved.",
    saved_password: "Your password was changed. Other sessions were logged out.",
    saved_email: "We have sent a confirmation link to the new address. It applies once you have opened it.",
    email_changed: "Your new email address is confirmed. For your security all sessions were ended; please sign in with the new address.",
    unverified_notice: "Your email address is not confirmed yet. Until then you cannot submit ideas, comment, vote or sign up for workshops.",
    resend_submit: "Send the confirmation email again",
    resent: "We have sent you a new confirmation email.",
    notifications_title: "Notifications",
    role_label: "Role",
    role_citizen: "Citizen",
    role_business: "Business",
    role_moderator: "Moderator",
    role_admin: "Administrator",
    admin_users_title: "User administration",
    col_name: "Name",
    col_email: "Email",
    col_verified: "Confirmed",
    yes: "yes",
    no: "no",
    change_role_submit: "Change role",
    role_saved: "The role was changed.",
    next_page: "Next page",
    login_required: "Please log in to see this page.",
    forbidden: "This page is reserved for the administration.",
    form_has_errors: "Please correct the marked fields.",
    error_title_prefix: "Error: ",
    organisation_label: "Organisation",

    nav_ideas: "Ideas",
    ideas_title: "Ideas",
    ideas_intro: "What citizens and businesses propose for the digital region.",
    ideas_empty: "No ideas found.",
    choose_option: "Please choose",
    ideas_empty_filtered: "Try other search words, reset the filters – or submit an idea \
        yourself.",
    filter_reset: "Reset filters",
    first_ideas: "Back to the first page",
    filter_label: "Filter ideas",
    filter_toggle: "Filters and sorting",
    filter_search: "Search",
    filter_project: "Project",
    filter_status: "Status",
    filter_sort: "Order",
    all_option: "All",
    filter_submit: "Show",
    sort_newest: "Newest first",
    sort_supported: "Most supported",
    sort_discussed: "Most discussed",
    status_submitted: "Submitted",
    status_under_review: "Under review",
    status_accepted: "Accepted",
    status_rejected: "Rejected",
    status_implemented: "Implemented",
    status_withdrawn: "Withdrawn",
    new_idea: "Submit an idea",
    idea_form_title: "New idea",
    field_title: "Title",
    field_body: "Description",
    field_body_hint: "You can use Markdown: **bold**, *italic*, lists with “- ” and links like [text](https://…).",
    field_category: "Topic",
    field_project: "Project (optional)",
    no_project: "No particular project",
    field_location: "Place (optional)",
    preview_button: "Show preview",
    preview_title: "Preview",
    preview_failed: "The preview cannot be shown just now. Your text stays in the form.",
    submit_idea: "Publish idea",
    by_author: "by",
    edited_marker: "edited",
    author_organisation: |organisation| format!("for {organisation}"),
    staff_badge: "Administration",
    login_to_submit: "Log in or register to submit an idea. You will come back here afterwards.",
    next_ideas: "More ideas",
    idea_facts_title: "About this idea",
    field_location_label: "Place",
    search_results_for: "Search results for",

    official_answer_title: "Official answer",
    history_title: "History",
    staff_form_title: "Set the status and answer officially",
    field_status: "New status",
    field_answer: "Official answer",
    status_submit: "Publish status and answer",
    withdraw_submit: "Withdraw idea",
    withdraw_hint: "The idea stays visible with its comments and is marked as withdrawn.",
    edit_link: "Edit idea",
    edit_title: "Edit idea",
    save_idea: "Save changes",
    frozen_note: "Since the idea has been supported or commented on, it can no longer be edited.",
    your_idea: "Your idea",

    projects_none_match: "No projects match this selection.",

    have_account: "Already have an account?",

    project_new_title: "Create a new project",
    project_edit_title: "Edit project",
    project_new_link: "New project",
    project_edit_link: "Edit project",
    project_save: "Save project",
    image_section_title: "Project picture",
    image_intro: "A photo or graphic for the project card and the project page. Without one, the project shows an illustration of its topic.",
    image_later: "You can add a picture once the project is saved.",
    image_current: "Current picture",
    field_image: "Image file",
    field_image_hint: "JPEG, PNG or WebP, 12 MB at most. The picture is cropped to 16:9; details such as where and with which camera it was taken are removed.",
    field_image_alt: "Description of the picture (alt text)",
    field_image_alt_hint: "What the picture shows, for people who cannot see it. For example: “A bus at the stop Soest station”.",
    image_submit: "Upload picture",
    image_remove: "Remove picture",
    image_saved: "The picture was saved.",
    image_removed: "The picture was removed. The project shows the illustration of its topic again.",
    field_slug: "Address (short name)",
    field_slug_hint: "Part of the address /projekte/…: lowercase letters, digits and hyphens.",
    field_project_title: "Title",
    field_summary: "Summary",
    field_summary_hint: "One or two sentences for the catalogue.",
    field_description: "Description",
    field_funding: "Funding in euros (optional)",
    field_funding_hint: "For example 1,250,000 or 980.50.",
    field_responsible: "Responsible body",
    field_contact: "Contact",
    field_starts_on: "Start (optional)",
    field_ends_on: "End (optional)",
    field_date_hint: "Format DD.MM.YYYY",
    field_districts: "Districts and municipalities concerned",
    field_support_limit: "Supports per person (optional)",
    field_support_limit_hint: "How many ideas of this project one person may support at most. Leave empty for no limit.",
    field_accepts_ideas: "Accepts ideas now",
    field_archived: "Archived",
    field_archived_hint: "Archived projects stay readable but take no new ideas.",
    no_category: "– none –",
    project_ideas_title: "Ideas for this project",
    project_ideas_all: "All ideas for this project",
    project_ideas_none: "There are no ideas for this project yet.",
    project_submit_idea: "Submit an idea for this project",
    staff_only: "This page is reserved for the administration.",
    discussion_title: "Discussion",
    discussion_empty: "No comments yet. Write the first one!",
    closed_withdrawn: "The idea was withdrawn. The discussion is closed.",
    closed_project_completed: "The project is completed. The discussion is closed.",
    comment_login_hint: "Log in to join the discussion and support ideas.",
    comment_verify_hint: "Confirm your email address to join the discussion and support ideas.",
    field_comment: "Your comment",
    field_reply: "Your reply",
    comment_submit: "Publish comment",
    reply_summary: "Reply",
    reply_submit: "Publish reply",
    comment_edit_summary: "Edit",
    comment_save: "Save change",
    comment_delete: "Delete",
    comment_deleted: "This comment was deleted.",
    comment_hidden: "This contribution was hidden by the moderators.",
    comment_edited: "edited on",
    comment_permalink: "Link to this comment",
    replies_label: "Replies to this comment",
    support_title: "Support",
    support_submit: "Support this idea",
    support_withdraw: "Take back my support",
    support_given: "You support this idea.",
    mine_title: "My participation",
    field_profile_public: "Show a public profile",
    field_profile_public_hint: "Your name then leads to a page with your public ideas and comments – without your email address. Unticked, your name shows without a link.",
    profile_page_intro: |since| format!("Taking part since {since}. Public ideas and comments, newest first."),
    profile_ideas: "Ideas",
    profile_comments: "Comments",
    profile_link_title: "View profile",
    mine_intro: "Your ideas and comments, what you support and follow – the newest 50 of each.",
    mine_ideas: "My ideas",
    mine_comments: "My comments",
    mine_supported: "Supported by me",
    mine_followed: "I follow",
    mine_none: "Nothing yet.",
    mine_comment_on: |title| format!("on “{title}”"),
    withdraw_confirm: "Do you really want to withdraw your idea? This cannot be undone: nobody can support or comment on it afterwards.",
    withdraw_confirm_submit: "Yes, withdraw the idea",
    comment_delete_confirm: "Do you really want to delete this comment? This cannot be undone; replies to it stay.",
    comment_delete_confirm_submit: "Yes, delete the comment",
    done_supported: "Your support has been counted.",
    done_support_withdrawn: "Your support has been withdrawn.",
    done_followed: "You now follow and get notifications about new contributions.",
    done_unfollowed: "You no longer follow and get no notifications about it.",
    done_commented: "Your comment has been published.",
    done_comment_held: "Your comment has been saved. Others will see it once the moderators have approved it.",
    done_comment_edited: "Your change has been saved.",
    done_comment_deleted: "Your comment has been deleted.",
    support_own: "You cannot support your own idea.",
    support_closed: "This idea can no longer be supported.",
    follow_submit: "Follow this idea",
    unfollow_submit: "Unfollow",
    following_note: "You follow this idea and get notifications.",
    follow_project_submit: "Follow this project",
    following_project_note: "You follow this project: new ideas are reported to you.",
    notifications_empty: "No notifications yet.",
    notifications_mark_all: "Mark all as read",
    notifications_settings_link: "Email settings",
    notification_unread: "unread",
    notification_hidden: "A notification about a contribution that moderation has hidden.",
    notification_settings_title: "Email notifications",
    notification_settings_intro: "Choose for each kind of news whether and how often we write to you. In the app you always see all notifications.",
    notification_settings_saved: "Your settings are saved.",
    notification_settings_save: "Save settings",
    follow_on_comment_label: "Follow ideas I comment on",
    follow_on_vote_label: "Follow ideas I support",
    kind_comment_on_followed: "Comments on ideas you follow",
    kind_reply_to_comment: "Replies to your comments",
    kind_status_change: "New status and official answers",
    kind_new_idea_in_project: "New ideas in projects you follow",
    delivery_immediate: "immediately",
    delivery_daily: "daily digest",
    delivery_weekly: "weekly digest",
    delivery_off: "no email",
    unsubscribe_title: "Unsubscribe from emails",
    unsubscribe_intro: "With this link you unsubscribe from these emails:",
    unsubscribe_digest_daily: "the daily digest",
    unsubscribe_digest_weekly: "the weekly digest",
    unsubscribe_submit: "Unsubscribe",
    unsubscribe_done: "Done: you will not get these emails any more. You still see your notifications in the app.",
    unsubscribe_settings_hint: "You find all settings under email notifications after logging in.",
    nav_notifications: "Notifications",
    someone: "Someone",
    fact_response: "Response",
    idea_count,
    ideas_found,
    unread_count,
    notification_text,
    supports_left,
    support_count,
    comment_count,
    project_count,
    money,
    date,
    validation,
    rate_limited,
};
