package nl.bronhub.model;

import java.time.LocalDate;

/** One occurrence of a group with history: the value in force from its ingangsdatum. */
public record Voorkomen(LocalDate ingangsdatum, String waarde) {
}
