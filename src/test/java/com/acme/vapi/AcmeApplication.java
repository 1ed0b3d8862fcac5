package com.acme.vapi;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A user's application that depends on the webhook library: it gets the endpoint from the
 * auto-configuration, and its own handlers, listeners and tools from its component scan.
 */
@SpringBootApplication
class AcmeApplication {

}
