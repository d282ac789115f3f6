//! TLS for an account that pins its server's certificate: the connection is accepted only when
//! the server shows exactly that certificate (the same DER bytes), whoever issued it.
//!
//! Self-hosted DHIS2 servers often have a certificate no public authority signed. ureq 3 takes
//! only root certificates in its TLS settings (`RootCerts::Specific`), and a root is not a pin:
//! webpki would accept any certificate the pinned one's key signed, and would still refuse a
//! server reached by an address the certificate does not name. So for a pinned account the agent
//! gets its own connector ([`PinnedTls`], after ureq's TCP connector) that runs rustls with
//! [`PinnedCertificate`] as the server certificate verifier:
//!
//! - the end-entity certificate must equal the pinned bytes; intermediates, the name and the
//!   validity dates are not looked at: the pin is the whole trust decision, made by the person who
//!   set up the account (an expired self-signed certificate keeps working until it is replaced,
//!   and then the new one must be pinned);
//! - the handshake signature is still checked with the certificate's key (rustls's own
//!   `verify_tls12_signature` / `verify_tls13_signature`), so a server that shows the certificate
//!   without holding its private key is refused;
//! - a refusal is a rustls `CertificateError::Other` carrying [`PinMismatch`], which the client
//!   tells apart from other TLS failures ([`is_pin_mismatch`]) to report
//!   `ClientError::CertificateMismatch`.
//!
//! The connector uses ureq's `unversioned::transport` API, which ureq may change in a minor
//! release (Cargo.lock holds the version this was written against, 3.5).
//!
//! Owns the pinned verifier and connector. Does not own the unpinned case (ureq's own rustls
//! connector with the webpki roots) or the mapping of errors (`http`).

use std::io::{Read, Write};
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, ClientConnection, DigitallySignedStruct, OtherError, StreamOwned};
use ureq::unversioned::transport::{
    Buffers, ConnectionDetails, Connector, Either, LazyBuffers, NextTimeout, Transport, TransportAdapter,
};

/// The server showed another certificate than the pinned one.
#[derive(Debug, thiserror::Error)]
#[error("the server's certificate is not the pinned one")]
pub(super) struct PinMismatch;

/// Accepts exactly one server certificate (see the module comment).
#[derive(Debug)]
pub(super) struct PinnedCertificate {
    der: Vec<u8>,
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for PinnedCertificate {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if end_entity.as_ref() == self.der.as_slice() {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::InvalidCertificate(CertificateError::Other(OtherError(Arc::new(PinMismatch)))))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// Whether `error` (a rustls error, possibly inside an I/O error) is the pin's refusal.
pub(super) fn is_pin_mismatch(error: &rustls::Error) -> bool {
    matches!(error, rustls::Error::InvalidCertificate(CertificateError::Other(other)) if other.0.is::<PinMismatch>())
}

/// The TLS layer of a pinned account's connections (see the module comment).
#[derive(Debug)]
pub(super) struct PinnedTls {
    config: Arc<ClientConfig>,
}

impl PinnedTls {
    /// A connector that accepts only the certificate `der`. Fails only when the crypto provider
    /// supports none of rustls's safe protocol versions (it supports TLS 1.2 and 1.3).
    pub(super) fn new(der: &[u8]) -> Result<PinnedTls, rustls::Error> {
        // ring, as ureq picks for its own connections (its `rustls` feature); rustls 0.23.48
        // deprecates this constructor only because ring has no post-quantum key exchange.
        #[allow(deprecated)]
        let provider: Arc<CryptoProvider> = Arc::new(rustls::crypto::ring::default_provider());
        let verifier = PinnedCertificate { der: der.to_vec(), algorithms: provider.signature_verification_algorithms };
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier))
            .with_no_client_auth();
        Ok(PinnedTls { config: Arc::new(config) })
    }
}

impl<In: Transport> Connector<In> for PinnedTls {
    type Out = Either<In, PinnedTransport>;

    fn connect(&self, details: &ConnectionDetails, chained: Option<In>) -> Result<Option<Self::Out>, ureq::Error> {
        let Some(transport) = chained else {
            return Err(ureq::Error::ConnectionFailed);
        };
        if !details.needs_tls() || transport.is_tls() {
            return Ok(Some(Either::A(transport)));
        }
        let host = details.uri.host().ok_or(ureq::Error::Tls("no host to connect to"))?;
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let name = ServerName::try_from(host.to_string()).map_err(|_| ureq::Error::Tls("invalid server name"))?;
        let mut conn = ClientConnection::new(self.config.clone(), name)?;
        let mut sock = TransportAdapter::new(transport.boxed(), details.current_time.clone());
        sock.set_timeout(details.timeout);
        conn.complete_io(&mut sock)?;
        let buffers = LazyBuffers::new(details.config.input_buffer_size(), details.config.output_buffer_size());
        Ok(Some(Either::B(PinnedTransport { buffers, stream: StreamOwned { conn, sock } })))
    }
}

/// A TLS connection made by [`PinnedTls`].
pub(super) struct PinnedTransport {
    buffers: LazyBuffers,
    stream: StreamOwned<ClientConnection, TransportAdapter>,
}

impl std::fmt::Debug for PinnedTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PinnedTransport").finish_non_exhaustive()
    }
}

impl Transport for PinnedTransport {
    fn buffers(&mut self) -> &mut dyn Buffers {
        &mut self.buffers
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        self.stream.get_mut().set_timeout(timeout);
        let output = &self.buffers.output()[..amount];
        self.stream.write_all(output)?;
        Ok(())
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.stream.get_mut().set_timeout(timeout);
        let input = self.buffers.input_append_buf();
        let amount = self.stream.read(input)?;
        self.buffers.input_appended(amount);
        Ok(amount > 0)
    }

    fn is_open(&mut self) -> bool {
        self.stream.get_mut().get_mut().is_open()
    }

    fn is_tls(&self) -> bool {
        true
    }
}
