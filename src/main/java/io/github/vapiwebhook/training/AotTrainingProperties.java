package io.github.vapiwebhook.training;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The training run for the JDK's ahead-of-time cache.
 *
 * @param requests how many webhook requests the server sends itself once it is ready,
 * after which it exits; {@code 0} (the default) turns the training run off. Only for
 * recording the cache (the {@code Dockerfile} and {@code bench/run.sh} do), never in
 * production: the process stops when the requests are done.
 */
@Validated
@ConfigurationProperties("vapi.aot-training")
public record AotTrainingProperties(@DefaultValue("0") @Min(0) int requests) {

}
