package nl.bronhub.model;

import java.time.LocalDate;

/** Ambulante begeleiding from its ingangsdatum at the school brinSchool (null when not given). */
public record AmbulanteBegeleiding(LocalDate ingangsdatum, String brinSchool) {
}
