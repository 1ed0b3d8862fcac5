package io.github.vapiwebhook.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The customer on a call ({@code CreateCustomerDTO}). Holds personal data: never log it.
 *
 * @param number phone number in E.164
 * @param sipUri SIP URI
 * @param name name
 * @param email email address
 * @param externalId the customer's id in an external system
 * @param extension phone extension
 */
@JsonDeserialize(using = RecordDeserializer.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(@Nullable String number, @Nullable String sipUri, @Nullable String name, @Nullable String email,
		@Nullable String externalId, @Nullable String extension) {

	/**
	 * Describes this object without personal data or conversation content, which must
	 * never reach the logs.
	 * @return a redacted description
	 */
	@Override
	public String toString() {
		return "Customer[redacted]";
	}

}
