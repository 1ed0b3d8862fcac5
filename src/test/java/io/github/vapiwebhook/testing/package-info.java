/**
 * Test helpers shared by the features' tests.
 */
@NullMarked
package io.github.vapiwebhook.testing;

import org.jspecify.annotations.NullMarked;
