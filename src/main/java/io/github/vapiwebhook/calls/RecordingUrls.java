package io.github.vapiwebhook.calls;

import io.github.vapiwebhook.message.Artifact;
import org.jspecify.annotations.Nullable;

/**
 * The lasting URLs of a call's recordings, from the structured {@code recording} of the
 * artifact or its older flat fields. The presigned URLs of an artifact expire and differ
 * at every delivery, so they are never kept.
 *
 * @param mono both sides mixed
 * @param stereo one channel per side
 * @param video the video recording
 * @param assistant the assistant only
 * @param customer the customer only
 */
record RecordingUrls(@Nullable String mono, @Nullable String stereo, @Nullable String video, @Nullable String assistant,
		@Nullable String customer) {

	/**
	 * The recording URLs of an artifact.
	 * @param artifact the artifact, if any
	 * @param topLevelMono the report's top-level {@code recordingUrl} of older payloads
	 * @return the URLs, or {@code null} when there are none
	 */
	static @Nullable RecordingUrls of(@Nullable Artifact artifact, @Nullable String topLevelMono) {
		String mono = topLevelMono;
		String stereo = null;
		String video = null;
		String assistant = null;
		String customer = null;
		if (artifact != null) {
			Artifact.Recording recording = artifact.recording();
			Artifact.Mono split = (recording != null) ? recording.mono() : null;
			mono = first((split != null) ? split.combinedUrl() : null, artifact.recordingUrl(), mono);
			stereo = first((recording != null) ? recording.stereoUrl() : null, artifact.stereoRecordingUrl());
			video = first((recording != null) ? recording.videoUrl() : null, artifact.videoRecordingUrl());
			assistant = (split != null) ? split.assistantUrl() : null;
			customer = (split != null) ? split.customerUrl() : null;
		}
		if (mono == null && stereo == null && video == null && assistant == null && customer == null) {
			return null;
		}
		return new RecordingUrls(mono, stereo, video, assistant, customer);
	}

	private static @Nullable String first(@Nullable String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate;
			}
		}
		return null;
	}

}
