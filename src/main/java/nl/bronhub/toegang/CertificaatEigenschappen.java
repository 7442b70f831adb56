package nl.bronhub.toegang;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The certificate's life in the connection phase (bron.certificaat.*, connection plan step 9), checked at start.
 *
 * @param uitgifte        the issuing CA's certificate and key files
 * @param vensterDagen    a school obtains its certificate within this many days of its wachtwoordbrief
 * @param geldigJaren     an issued certificate's validity
 * @param vernieuwenDagen renewal opens this many days before the end
 * @param herinneren      whether the gemachtigde is mailed when the certificate is not obtained or not tested in time
 */
@Validated
@ConfigurationProperties("bron.certificaat")
public record CertificaatEigenschappen(
        @NotNull @Valid Uitgifte uitgifte,
        @Min(1) @Max(365) int vensterDagen,
        @Min(1) @Max(30) int geldigJaren,
        @Min(1) int vernieuwenDagen,
        boolean herinneren) {

    /** @param certificaat the issuing CA's certificate (PEM) @param sleutel its private key (PEM) */
    public record Uitgifte(@NotBlank String certificaat, @NotBlank String sleutel) {
    }
}
