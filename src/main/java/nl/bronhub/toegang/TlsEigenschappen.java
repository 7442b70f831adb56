package nl.bronhub.toegang;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the certificates live (bron.tls.*), checked at start; read before the hub starts as well, when it makes
 * the test PKI of a demo (ProefPki).
 *
 * @param map              the directory of the hub's certificates; the certificate seed's files are relative to it
 * @param maken            make what is missing of a test CA, the hub's certificate and the test LAS certificates
 * @param servernamen      the names the hub's test certificate is made for
 * @param proefcertificaten the test LAS client certificates made (e.g. las-00AA-1)
 */
@Validated
@ConfigurationProperties("bron.tls")
public record TlsEigenschappen(@NotBlank String map,
                               @DefaultValue("false") boolean maken,
                               @NotNull @DefaultValue("localhost") List<String> servernamen,
                               @NotNull @DefaultValue({}) List<String> proefcertificaten) {
}
