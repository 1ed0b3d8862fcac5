package io.github.vapiwebhook.reply;

/**
 * The reply to a {@code campaign.predial}: whether the contact may be called.
 *
 * @param eligible {@code true} to dial the contact
 */
public record PredialReply(boolean eligible) {

}
