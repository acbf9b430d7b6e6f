//! TLS for the one https service bashio talks to, Have I Been Pwned:
//! rustls with the ring provider and the Mozilla roots compiled in
//! (webpki-roots), so no file of the image is read and no thread started.
//! The handshake runs over [`Socket`], so its deadline and the signal hook
//! hold during it too.

#![forbid(unsafe_code)]

use super::error::Error;
use super::socket::{is_stopped, Socket};
use std::io;
use std::sync::Arc;
use std::time::Instant;

pub type Stream = rustls::StreamOwned<rustls::ClientConnection, Socket>;

/// The client configuration: TLS 1.2 and 1.3, webpki's roots.
pub fn config() -> Result<Arc<rustls::ClientConfig>, Error> {
    config_with(rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    })
}

/// The same, trusting ROOTS.
pub fn config_with(roots: rustls::RootCertStore) -> Result<Arc<rustls::ClientConfig>, Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Tls {
            certificate: false,
            cause: e.to_string(),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// Completes a handshake with HOST over SOCKET.
pub fn connect(
    config: Arc<rustls::ClientConfig>,
    host: &str,
    mut socket: Socket,
    began: Instant,
) -> Result<Stream, Error> {
    let name = rustls::pki_types::ServerName::try_from(host.to_string())
        .map_err(|_| Error::BadUrl(format!("{host} is not a TLS server name")))?;
    let mut connection = rustls::ClientConnection::new(config, name).map_err(|e| Error::Tls {
        certificate: false,
        cause: e.to_string(),
    })?;
    while connection.is_handshaking() {
        if let Err(error) = connection.complete_io(&mut socket) {
            return Err(handshake_error(error, began));
        }
    }
    Ok(rustls::StreamOwned::new(connection, socket))
}

fn handshake_error(error: io::Error, began: Instant) -> Error {
    if is_stopped(&error) {
        return Error::Stopped;
    }
    if error.kind() == io::ErrorKind::TimedOut {
        return Error::Deadline {
            took: began.elapsed(),
            received: 0,
            expected: None,
        };
    }
    let certificate = matches!(
        rustls_error(&error),
        Some(rustls::Error::InvalidCertificate(_))
    );
    let cause = describe(&error).unwrap_or_else(|| super::error::os_text(&error));
    Error::Tls { certificate, cause }
}

fn rustls_error(error: &io::Error) -> Option<&rustls::Error> {
    error.get_ref()?.downcast_ref::<rustls::Error>()
}

/// rustls's own words for an error it raised, if it raised this one.
pub fn describe(error: &io::Error) -> Option<String> {
    rustls_error(error).map(ToString::to_string)
}
