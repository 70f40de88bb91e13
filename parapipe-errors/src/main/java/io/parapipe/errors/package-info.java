/**
 * The one type the command line uses to tell a user's mistake (exit code 2) from a bug (exit code
 * 1): {@link io.parapipe.errors.UserMistake}.
 */
package io.parapipe.errors;
