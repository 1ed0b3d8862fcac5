package io.github.vapiwebhook.vapiapi;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * One call of Vapi's API.
 *
 * @param method the HTTP method
 * @param path the path under the base URL
 * @param body the JSON body, or {@code null}
 * @param subject what the call is about, for error messages ("assistant 'abc'")
 */
record ApiRequest(HttpMethod method, String path, @Nullable String body, String subject) {

	/**
	 * Whether Vapi may have acted on a request that got no usable answer: a POST is sent
	 * again only when the answer says that nothing was done.
	 */
	boolean idempotent() {
		return this.method != HttpMethod.POST;
	}

	@Override
	public String toString() {
		return this.method + " " + this.path;
	}

}
