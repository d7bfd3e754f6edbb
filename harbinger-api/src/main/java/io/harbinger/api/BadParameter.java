package io.harbinger.api;

/** A query parameter that cannot be used: answered 400 with the parameter and why. */
final class BadParameter extends RuntimeException {
    BadParameter(String parameter, String problem) {
        super("query parameter " + parameter + " " + problem);
    }
}
