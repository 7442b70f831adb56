package nl.bronhub.voortgang;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Mail templates (Thymeleaf) from the operators' directory bron.voortgang.sjablonen (config/mail):
 * NAME.html for the HTML part, NAME.txt for the plain-text part and NAME-onderwerp.txt for the subject.
 * Read from disk at each use, so an edited template counts from the next mail on.
 */
@Component
public class MailSjablonen {

    public record Mail(String onderwerp, String html, String tekst) {
    }

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine tekst = engine(TemplateMode.TEXT, ".txt");
    private final String map;

    public MailSjablonen(VoortgangEigenschappen eigenschappen) {
        String map = eigenschappen.sjablonen();
        this.map = map.endsWith("/") ? map : map + "/";
    }

    public Mail maak(String naam, Map<String, Object> gegevens) {
        Context context = new Context(Locale.forLanguageTag("nl"), gegevens);
        return new Mail(tekst.process(map + naam + "-onderwerp", context).strip(),
                html.process(map + naam, context), tekst.process(map + naam, context));
    }

    private static TemplateEngine engine(TemplateMode modus, String achtervoegsel) {
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setTemplateMode(modus);
        resolver.setSuffix(achtervoegsel);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(false);
        // SpEL, as the portal's pages use (OGNL is not on the class path)
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
