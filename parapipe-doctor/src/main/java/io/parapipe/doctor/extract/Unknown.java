package io.parapipe.doctor.extract;

import io.parapipe.doctor.eval.Origin;

/**
 * Something the doctor cannot know, said instead of invented: a value it could not read, a part
 * of the system not in the repository.
 *
 * @param subject what is unknown (a parameter name, "collator", "configuration")
 * @param reason why
 * @param origin where the doctor looked, or null
 */
public record Unknown(String subject, String reason, Origin origin) {}
