/**
 * Signing keys and certificates: the development PKI ({@link io.hallmark.keys.DevPki}), encrypted key
 * storage, credentials from PKCS#12, encrypted PEM or PKCS#11 ({@link io.hallmark.keys.SigningCredential}),
 * the C2PA certificate profile check ({@link io.hallmark.keys.CertificateProfile}) and a local RFC 3161
 * time-stamp authority ({@link io.hallmark.keys.LocalTsa}).
 */
package io.hallmark.keys;
