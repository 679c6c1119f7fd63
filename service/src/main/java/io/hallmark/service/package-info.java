/**
 * The verification service ({@code hallmark serve}): newsrooms and platforms upload files and read verdicts over
 * HTTP, and the C2PA Soft Binding Resolution API answers for the manifests this service holds. Built on Javalin
 * (Jetty 12): a maintained server that runs on Java 17, streams request bodies and shuts down gracefully.
 */
package io.hallmark.service;
