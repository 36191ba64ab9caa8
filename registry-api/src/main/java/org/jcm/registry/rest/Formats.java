package org.jcm.registry.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values of {@code ?format=} that a read endpoint honours, as an alternative to its
 * {@code Accept} header (for links a browser or a spreadsheet follows). An endpoint without this
 * annotation takes no {@code format}: {@link FormatParameter} refuses it with 400
 * {@code unsupported_format} instead of silently answering JSON.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Formats {

    /** The accepted values, e.g. {@code csv} and {@code json}. */
    String[] value();
}
