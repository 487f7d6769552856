//! A real SMTP server on loopback (mailin-embedded) that keeps what it receives.

use mail_parser::MessageParser;
use mailin_embedded::{response, Handler, Response, Server, SslConfig};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One mail as the SMTP server received it.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub raw: String,
}

impl ReceivedMail {
    /// The first link in the text body that starts with `prefix` (e.g. the base URL + path).
    pub fn link_starting_with(&self, prefix: &str) -> String {
        let start = self
            .text
            .find(prefix)
            .unwrap_or_else(|| panic!("no link {prefix} in {}", self.text));
        self.text[start..]
            .split_whitespace()
            .next()
            .unwrap()
            .to_owned()
    }
}

#[derive(Clone, Default)]
struct Catcher {
    to: Vec<String>,
    data: Vec<u8>,
    inbox: Arc<Mutex<Vec<ReceivedMail>>>,
}

impl Handler for Catcher {
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let raw = String::from_utf8_lossy(&self.data).into_owned();
        let parsed = MessageParser::default().parse(self.data.as_slice());
        let (subject, text, html) = parsed.map_or_else(Default::default, |m| {
            (
                m.subject().unwrap_or_default().to_owned(),
                m.body_text(0).unwrap_or_default().into_owned(),
                m.body_html(0).unwrap_or_default().into_owned(),
            )
        });
        self.inbox.lock().unwrap().push(ReceivedMail {
            to: self.to.clone(),
            subject,
            text,
            html,
            raw,
        });
        response::OK
    }
}

/// The inbox of a running test SMTP server.
#[derive(Clone)]
pub struct MailServer {
    pub port: u16,
    inbox: Arc<Mutex<Vec<ReceivedMail>>>,
}

impl MailServer {
    /// Starts a server on a random loopback port.
    pub fn start() -> Self {
        Self::start_on(TcpListener::bind("127.0.0.1:0").expect("bind SMTP port"))
    }

    /// Starts a server on an already bound listener (to bring a "stopped" port back to life).
    pub fn start_on(listener: TcpListener) -> Self {
        let port = listener.local_addr().unwrap().port();
        let catcher = Catcher::default();
        let inbox = catcher.inbox.clone();
        std::thread::spawn(move || {
            let mut server = Server::new(catcher);
            server
                .with_name("smtp.test")
                .with_ssl(SslConfig::None)
                .expect("no TLS")
                .with_tcp_listener(listener);
            let _ = server.serve();
        });
        MailServer { port, inbox }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn all(&self) -> Vec<ReceivedMail> {
        self.inbox.lock().unwrap().clone()
    }

    /// Waits (up to 15 s) until `count` mails to `address` have arrived and returns them.
    pub async fn wait_for(&self, address: &str, count: usize) -> Vec<ReceivedMail> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let mails: Vec<ReceivedMail> = self
                .all()
                .into_iter()
                .filter(|m| m.to.iter().any(|t| t == address))
                .collect();
            if mails.len() >= count || Instant::now() > deadline {
                assert!(
                    mails.len() >= count,
                    "expected {count} mails to {address}, got {mails:?}"
                );
                return mails;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}
