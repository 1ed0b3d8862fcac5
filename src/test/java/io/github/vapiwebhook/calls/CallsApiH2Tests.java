package io.github.vapiwebhook.calls;

/**
 * The call API on H2 (the tests' default database).
 */
class CallsApiH2Tests extends CallsApiTests {

}
