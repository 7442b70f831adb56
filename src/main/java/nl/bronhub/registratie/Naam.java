package nl.bronhub.registratie;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.Normalizer;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import nl.bronhub.aanlevering.FormaatControle;

/**
 * A name a school or the operator types (contact, gemachtigde, board), judged as the LAS door judges a pupil's name
 * ({@link FormaatControle#isNaam}), and {@link AanleverpuntGegevens#ZONDER_LINK} judged on its compatibility form (NFKC) as
 * well: superscript or circled digits and the look-alike dots (U+FE52, U+2024) are the digits and dots a reader (and a
 * browser's address bar) takes them for, and a hostile school put a phone number and a domain in the board's mail so.
 * Empty is not judged here (a school may empty a contact name).
 */
@Documented
@Constraint(validatedBy = Naam.Controle.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Naam {

    String message() default "moet een naam zijn: met een letter, zonder symbolen, plaatjes of onzichtbare tekens";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Controle implements ConstraintValidator<Naam, String> {

        private static final Pattern ZONDER_LINK = Pattern.compile(AanleverpuntGegevens.ZONDER_LINK);

        @Override
        public boolean isValid(String waarde, ConstraintValidatorContext context) {
            if (waarde == null || waarde.isBlank()) {
                return true;
            }
            // the plain text's own link, phone or formula is @Pattern's to name (one message, not two)
            if (!ZONDER_LINK.matcher(waarde).matches()) {
                return true;
            }
            if (!ZONDER_LINK.matcher(Normalizer.normalize(waarde, Normalizer.Form.NFKC)).matches()) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(AanleverpuntGegevens.GEEN_LINK).addConstraintViolation();
                return false;
            }
            return FormaatControle.isNaam(waarde);
        }
    }
}
