package com.acme.calls;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application of a team using the library: its own package, its own beans, nothing of
 * the library's packages scanned. It gets the webhook from the library's
 * auto-configuration alone.
 */
@SpringBootApplication
public class AcmeCallsApplication {

}
