package io.harbinger.api.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * The certificate chain and private key the TLS port presents, loaded and checked once at start-up:
 * from a PKCS12 or JKS keystore ({@link #fromKeyStore}) or a PEM pair ({@link #fromPem}). Every
 * problem is an {@link IllegalArgumentException} naming the setting and the file, so a node with a
 * bad certificate refuses to start instead of failing its first handshake. The files are read once:
 * a renewed certificate takes a restart.
 *
 * @param keyStore holds every key entry the server may present, each checked against its certificate
 * @param password of the store and of its keys
 * @param subject  the (first) certificate's subject, for the log
 */
public record TlsIdentity(KeyStore keyStore, char[] password, String subject) {
    private static final String PEM_ALIAS = "harbinger";

    /**
     * @param password the keystore's password, which is also its keys' (as {@code keytool} and {@code openssl pkcs12} make them)
     */
    public static TlsIdentity fromKeyStore(Path file, String password) {
        String flag = ServerConfig.TLS_KEYSTORE.flag();
        readable(flag, file);
        char[] secret = password.toCharArray();
        KeyStore store;
        try {
            store = KeyStore.getInstance(file.toFile(), secret);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException(flag + " " + file + ": wrong password (from " + ServerConfig.KEYSTORE_PASSWORD_ENV + ")");
            }
            throw new IllegalArgumentException(flag + " " + file + " could not be read: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(flag + " " + file + " is not a PKCS12 or JKS keystore (" + e.getMessage() + ")");
        }
        return checked(flag + " " + file, store, secret);
    }

    /** A PEM certificate chain (the server's first) and its unencrypted private key (PKCS#8, PKCS#1 RSA or SEC1 EC). */
    public static TlsIdentity fromPem(Path certificateFile, Path keyFile) {
        String certFlag = ServerConfig.TLS_CERT.flag();
        String keyFlag = ServerConfig.TLS_KEY.flag();
        List<X509Certificate> chain;
        try {
            chain = Pem.certificates(readable(certFlag, certificateFile));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(certFlag + " " + certificateFile + " is not a PEM certificate (" + e.getMessage() + ")");
        }
        if (chain.isEmpty()) throw new IllegalArgumentException(certFlag + " " + certificateFile + " holds no certificate");
        String keyText = new String(readable(keyFlag, keyFile), StandardCharsets.US_ASCII);
        PrivateKey key;
        try {
            key = Pem.privateKey(keyText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(keyFlag + " " + keyFile + ": " + e.getMessage());
        }
        if (!matches(key, chain.getFirst())) {
            throw new IllegalArgumentException(keyFlag + " " + keyFile + " is not the key of the certificate in " + certFlag + " " + certificateFile
                    + " (" + chain.getFirst().getSubjectX500Principal().getName() + ")");
        }
        char[] secret = randomPassword();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(PEM_ALIAS, key, secret, chain.toArray(Certificate[]::new));
            return new TlsIdentity(store, secret, subject(chain.getFirst()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("an in-memory PKCS12 store refused the key: " + e.getMessage(), e);
        }
    }

    /** Every key entry of {@code store} is readable with {@code secret} and belongs to its certificate; there is at least one. */
    private static TlsIdentity checked(String what, KeyStore store, char[] secret) {
        String subject = null;
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) continue;
                PrivateKey key = privateKey(what, store, alias, secret);
                if (!(store.getCertificate(alias) instanceof X509Certificate cert)) {
                    throw new IllegalArgumentException(what + ": key '" + alias + "' has no X.509 certificate");
                }
                if (!matches(key, cert)) throw new IllegalArgumentException(what + ": key '" + alias + "' is not the key of its certificate");
                if (subject == null) subject = subject(cert);
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("a loaded keystore refused to list its entries", e);
        }
        if (subject == null) throw new IllegalArgumentException(what + " holds no private key (only trusted certificates)");
        return new TlsIdentity(store, secret, subject);
    }

    private static PrivateKey privateKey(String what, KeyStore store, String alias, char[] secret) throws KeyStoreException {
        try {
            if (store.getKey(alias, secret) instanceof PrivateKey key) return key;
            throw new IllegalArgumentException(what + ": entry '" + alias + "' is not a private key");
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException(what + ": key '" + alias + "' has a password other than the keystore's");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException(what + ": key '" + alias + "' uses an algorithm this JDK lacks (" + e.getMessage() + ")");
        }
    }

    /** Whether {@code key} signs what {@code certificate}'s public key verifies: the pair belongs together. */
    static boolean matches(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> throw new IllegalArgumentException("a " + key.getAlgorithm() + " key is not supported (RSA, EC or EdDSA)");
        };
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException differentKinds) {
            return false; // an EC key against an RSA certificate, say
        }
    }

    private static byte[] readable(String flag, Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(flag + " " + file + ": no such file");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(flag + " " + file + " is not readable: " + e.getMessage());
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).toCharArray();
    }
}
