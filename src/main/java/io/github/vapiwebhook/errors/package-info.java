/**
 * Every answer of the server is an RFC 9457 problem document where the servlet container
 * lets the application answer: errors that reach Spring Boot's error path (exceptions
 * that escape filters, the container's own read timeout) and the ones Tomcat answers
 * before any application code runs (malformed or oversized request lines and headers).
 */
@NullMarked
package io.github.vapiwebhook.errors;

import org.jspecify.annotations.NullMarked;
