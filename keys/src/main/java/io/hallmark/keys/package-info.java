/** Signing keys and certificates: the development PKI, encrypted key storage, credential loading. */
package io.hallmark.keys;
