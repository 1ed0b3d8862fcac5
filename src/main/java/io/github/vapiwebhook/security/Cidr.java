package io.github.vapiwebhook.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address range such as {@code 167.150.224.0/23}, or a single address.
 *
 * @param network the network address bytes
 * @param prefixLength the number of leading bits that must match
 */
record Cidr(byte[] network, int prefixLength) {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	/**
	 * Parses a range, naming the property when it is invalid.
	 * @throws IllegalArgumentException when the text is not an IP address or range
	 */
	static Cidr parse(String text, String property) {
		String trimmed = text.trim();
		int slash = trimmed.indexOf('/');
		String address = (slash >= 0) ? trimmed.substring(0, slash) : trimmed;
		byte[] bytes = literal(address)
			.orElseThrow(() -> new IllegalArgumentException(property + ": '" + text + "' is not an IP address or CIDR"))
			.getAddress();
		int prefix = bytes.length * 8;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(trimmed.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(property + ": '" + text + "' has an invalid prefix length", ex);
			}
		}
		if (prefix < 0 || prefix > bytes.length * 8) {
			throw new IllegalArgumentException(property + ": '" + text + "' has an invalid prefix length");
		}
		return new Cidr(bytes, prefix);
	}

	/**
	 * Parses an IP address literal without ever resolving a host name.
	 * @param address the text
	 * @return the address, or empty when the text is not an IP literal
	 */
	static Optional<InetAddress> literal(String address) {
		String candidate = address.trim();
		if (candidate.startsWith("[") && candidate.endsWith("]")) {
			candidate = candidate.substring(1, candidate.length() - 1);
		}
		boolean ipv4 = IPV4.matcher(candidate).matches() && octetsInRange(candidate);
		boolean ipv6 = candidate.indexOf(':') >= 0 && candidate.matches("[0-9a-fA-F:.%a-zA-Z0-9]+");
		if (!ipv4 && !ipv6) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(candidate));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	private static boolean octetsInRange(String ipv4) {
		for (String octet : ipv4.split("\\.")) {
			if (Integer.parseInt(octet) > 255) {
				return false;
			}
		}
		return true;
	}

	boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xFF << (8 - remainingBits)) & 0xFF;
		return (candidate[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

}
