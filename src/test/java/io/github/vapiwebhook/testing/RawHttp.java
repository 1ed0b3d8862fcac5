package io.github.vapiwebhook.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, for tests that must send what no HTTP client
 * sends: a body shorter than declared, headers no client would allow. It records whether
 * the server closed the connection after answering.
 */
public final class RawHttp implements AutoCloseable {

	private final Socket socket = new Socket();

	/**
	 * Connects to the server on the loopback address.
	 * @param port the server port
	 * @param readTimeoutMillis how long a read may wait before the test gives up
	 * @throws IOException when the connection fails
	 */
	public RawHttp(int port, int readTimeoutMillis) throws IOException {
		this.socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
		this.socket.setSoTimeout(readTimeoutMillis);
	}

	/**
	 * Sends the head of a POST and the first bytes of its body.
	 * @param path the path
	 * @param headers the headers (Host and Content-Length are not added)
	 * @param bodyStart the bytes of the body sent now
	 * @throws IOException when sending fails
	 */
	public void post(String path, Map<String, String> headers, byte[] bodyStart) throws IOException {
		StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("\r\n");
		this.socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		this.socket.getOutputStream().write(bodyStart);
		this.socket.getOutputStream().flush();
	}

	/**
	 * Sends more bytes of the body.
	 * @param bytes the bytes
	 * @throws IOException when sending fails (the server closed the connection)
	 */
	public void send(byte[] bytes) throws IOException {
		this.socket.getOutputStream().write(bytes);
		this.socket.getOutputStream().flush();
	}

	/**
	 * Reads until the server closes the connection.
	 * @return the answer, and whether the connection was closed by the server (rather
	 * than the test giving up waiting)
	 * @throws IOException when reading fails
	 */
	public Answer readUntilClosed() throws IOException {
		InputStream in = this.socket.getInputStream();
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		try {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				answer.write(buffer, 0, read);
			}
			return new Answer(answer.toString(StandardCharsets.UTF_8), true);
		}
		catch (SocketTimeoutException ex) {
			return new Answer(answer.toString(StandardCharsets.UTF_8), false);
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/**
	 * What came back.
	 *
	 * @param text the raw answer, head and body
	 * @param closedByServer whether the server closed the connection
	 */
	public record Answer(String text, boolean closedByServer) {

		/**
		 * The status code of the answer.
		 * @return the status, or 0 when nothing came back
		 */
		public int status() {
			return this.text.startsWith("HTTP/1.1 ") ? Integer.parseInt(this.text.substring(9, 12)) : 0;
		}

		/**
		 * The body of the answer.
		 * @return the text after the head
		 */
		public String body() {
			int end = this.text.indexOf("\r\n\r\n");
			return (end < 0) ? "" : this.text.substring(end + 4);
		}

		/**
		 * A header of the answer, its name matched case-insensitively.
		 * @param name the name
		 * @return the value, or {@code null}
		 */
		public String header(String name) {
			for (String line : this.text.split("\r\n")) {
				if (line.isEmpty()) {
					return null;
				}
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
					return line.substring(colon + 1).trim();
				}
			}
			return null;
		}

	}

}
