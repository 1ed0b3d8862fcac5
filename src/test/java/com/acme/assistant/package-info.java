/**
 * The README's transient-assistant example, in a package apart from the other examples
 * (whose application answers assistant-request with a handler of its own).
 */
@NullMarked
package com.acme.assistant;

import org.jspecify.annotations.NullMarked;
