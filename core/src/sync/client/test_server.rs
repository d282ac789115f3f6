//! Canned answers for the client's tests: a server on 127.0.0.1:0 (plain, or TLS with a given
//! certificate) that answers each connection with the next [`Reply`], byte for byte as written,
//! so that tests can send what a well-behaved library would never send (a body cut short, a
//! wrong `Content-Length`, silence), and that tells the test what was asked and how much of a
//! body it managed to write.
//!
//! Owns nothing outside tests.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::{ServerConfig, ServerConnection, StreamOwned};

/// What the server does with one connection, after reading the request.
pub(crate) enum Reply {
    /// Writes these bytes, then closes the connection.
    Raw(Vec<u8>),
    /// Says nothing for this long, then closes.
    Silent(Duration),
    /// Writes the head, then body bytes (`chunked`: in chunked encoding) until the client hangs
    /// up or 256 MiB are written; reports how many body bytes it wrote.
    Endless { head: Vec<u8>, chunked: bool },
}

/// An answer with `status`, `headers` and `body`, and `Connection: close`.
pub(crate) fn answer(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut out = format!("HTTP/1.1 {status} Canned\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    Reply::Raw(bytes)
}

/// A JSON answer.
pub(crate) fn json(status: u16, body: &str) -> Reply {
    answer(status, &[("Content-Type", "application/json;charset=UTF-8")], body.as_bytes())
}

/// The answer of `/api/system/info` of a DHIS2 `version`.
pub(crate) fn system_info(version: &str) -> Reply {
    json(
        200,
        &format!(
            r#"{{"contextPath":"https://hmis.moh.gov.kh","version":"{version}","revision":"585e4bd",
                "serverDate":"2026-12-05T10:02:11.123","serverTimeZoneId":"Asia/Phnom_Penh",
                "systemName":"Cambodia HMIS"}}"#
        ),
    )
}

/// A running canned server.
pub(crate) struct TestServer {
    /// `http://127.0.0.1:PORT` or `https://localhost:PORT`.
    pub url: String,
    requests: Receiver<String>,
    written: Receiver<u64>,
}

impl TestServer {
    /// The requests received so far, head and body, in order.
    pub fn requests(&self) -> Vec<String> {
        self.requests.try_iter().collect()
    }

    /// How many body bytes the next `Endless` reply wrote before the client hung up.
    pub fn endless_written(&self) -> u64 {
        self.written.recv_timeout(Duration::from_secs(30)).expect("the endless reply ends")
    }
}

/// A plain HTTP server giving `replies`, one per connection.
pub(crate) fn serve(replies: Vec<Reply>) -> TestServer {
    start(replies, None)
}

/// An HTTPS server showing the certificate `cert_der` (key: PKCS#8 DER), for `localhost`.
pub(crate) fn serve_tls(cert_der: &[u8], key_der: &[u8], replies: Vec<Reply>) -> TestServer {
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![CertificateDer::from(cert_der.to_vec())],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key_der.to_vec())),
        )
        .unwrap();
    start(replies, Some(Arc::new(config)))
}

fn start(replies: Vec<Reply>, tls: Option<Arc<ServerConfig>>) -> TestServer {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let url = match tls {
        Some(_) => format!("https://localhost:{port}"),
        None => format!("http://127.0.0.1:{port}"),
    };
    let (request_tx, requests) = channel();
    let (written_tx, written) = channel();
    std::thread::spawn(move || {
        for reply in replies {
            let Ok((tcp, _)) = listener.accept() else { return };
            let _ = tcp.set_read_timeout(Some(Duration::from_secs(10)));
            match &tls {
                None => {
                    let mut tcp = tcp;
                    handle(&mut tcp, &reply, &request_tx, &written_tx);
                }
                Some(config) => {
                    let conn = ServerConnection::new(config.clone()).unwrap();
                    let mut stream = StreamOwned::new(conn, tcp);
                    handle(&mut stream, &reply, &request_tx, &written_tx);
                    stream.conn.send_close_notify();
                    let _ = stream.flush();
                }
            }
        }
    });
    TestServer { url, requests, written }
}

fn handle(stream: &mut (impl Read + Write), reply: &Reply, requests: &Sender<String>, written: &Sender<u64>) {
    let Some(request) = read_request(stream) else { return };
    let _ = requests.send(request);
    match reply {
        Reply::Raw(bytes) => {
            let _ = stream.write_all(bytes).and_then(|_| stream.flush());
        }
        Reply::Silent(pause) => std::thread::sleep(*pause),
        Reply::Endless { head, chunked } => {
            let _ = written.send(write_endless(stream, head, *chunked));
        }
    }
}

fn write_endless(stream: &mut impl Write, head: &[u8], chunked: bool) -> u64 {
    const CHUNK: usize = 64 * 1024;
    if stream.write_all(head).is_err() {
        return 0;
    }
    let block = vec![b' '; CHUNK];
    let mut total = 0u64;
    while total < 256 * 1024 * 1024 {
        let sent = if chunked {
            stream
                .write_all(format!("{CHUNK:x}\r\n").as_bytes())
                .and_then(|_| stream.write_all(&block))
                .and_then(|_| stream.write_all(b"\r\n"))
        } else {
            stream.write_all(&block)
        };
        if sent.is_err() {
            break;
        }
        total += CHUNK as u64;
    }
    total
}

/// The head and the body (by `Content-Length`) of one request; `None` when the connection broke
/// (a TLS client that refused the certificate).
fn read_request(stream: &mut impl Read) -> Option<String> {
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&data[..head_end]).to_string();
    let length = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse::<usize>().ok())
        .unwrap_or(0);
    while data.len() < head_end + length {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        data.extend_from_slice(&buf[..n]);
    }
    Some(String::from_utf8_lossy(&data).to_string())
}

/// A port on 127.0.0.1 where nothing listens.
pub(crate) fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    port
}
