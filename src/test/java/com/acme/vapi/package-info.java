/**
 * The README's Java examples as an application of a user would hold them, in a package of
 * its own: the README shows regions of these files (ReadmeSnippetsTests checks that they
 * are the same), so that every snippet compiles, and the test example runs.
 */
@NullMarked
package com.acme.vapi;

import org.jspecify.annotations.NullMarked;
