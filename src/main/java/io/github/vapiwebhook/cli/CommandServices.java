package io.github.vapiwebhook.cli;

/**
 * What the commands are given: the application's facts and the API client maker.
 *
 * @param server the application's configuration and tools
 * @param clients makes the Vapi API client
 */
record CommandServices(ServerFacts server, ApiClients clients) {

}
