/**
 * An application of another team that uses the webhook library: the test that the library
 * works outside its own packages.
 */
@NullMarked
package com.acme.calls;

import org.jspecify.annotations.NullMarked;
