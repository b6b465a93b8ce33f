//! `/about`: what the app is, where its content comes from, and how to read its links.

use crate::components::link::A;
use leptos::prelude::*;

use crate::head::PageHead;
use crate::language::{t, t_string, td_string, use_i18n, Locale};

#[component]
pub fn AboutPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHead title=t_string!(i18n, about.title).to_string() description=t_string!(i18n, about.description).to_string() />
        <article class="panel prose">
            <h1>{t!(i18n, about.heading)}</h1>
            <p class="english-only">{t!(i18n, english_only)}</p>
            <p lang="en">
                "Cohesion Explorer lets anyone explore New Zealand's social cohesion frameworks: the Ministry of Social Development's strategic framework, "
                "the five dimensions of social cohesion, the Office of Ethnic Communities' focus areas, Immigration New Zealand's Community Engagement Framework, "
                "the Connecting Diverse Communities programme and Investing for Social Wellbeing, and how they map onto each other."
            </p>
            <h2>{t!(i18n, about.words)}</h2>
            <p lang="en">
                "The frameworks' wording is quoted from the public documents, not paraphrased. Every part shows the sentence it is quoted from and the document it comes from; the "
                <A href="/open-data">"Data"</A> " page lists the documents. A test checks every label and quote against the source texts, so a typo fails the build."
            </p>
            <h2>{t!(i18n, about.links)}</h2>
            <p lang="en">
                "Some links between parts are stated by the source (the focus areas are “particularly linked to” named dimensions, for example). "
                "Others, such as which dimension an outcome or an initiative serves, are editorial judgments made for this app. "
                "Every link says which it is: “stated in the source” or “editorial judgment”; in the crosswalk ● marks a stated link and ○ an editorial one."
            </p>
            <h2>{t!(i18n, about.figures)}</h2>
            <p lang="en">
                "Every figure on the Indicators page is a published value, copied as published, with the release it comes from and the page where it was read. "
                "Nothing is interpolated, estimated or derived: where a release gives no figure, the app shows a gap. Stats NZ figures are used under the Creative Commons Attribution 4.0 licence. "
                "Which dimension and framework part an indicator measures is an editorial judgment unless the framework itself names the measure; each card says which."
            </p>
            <h3>{t!(i18n, about.significant)}</h3>
            <p lang="en">
                "Where both values come with 95% confidence intervals, the app tests the change with a two-sample z-test: each value's standard error is recovered from its interval "
                "(the interval's width divided by 2 × 1.96), and the change is significant at the 5% level when it is more than 1.96 times the square root of the sum of the squared standard errors. "
                "The test treats the two survey waves as independent samples. Where the source publishes no intervals, the change is shown as “not tested”, never as significant."
            </p>
            <h3>{t!(i18n, about.gaps)}</h3>
            <p lang="en">"A group's gap is its value minus the value for the whole population in the same period, and its ratio to it. Gaps are ranked from the group furthest behind, in the indicator's worse direction."</p>
            <h3>{t!(i18n, about.profile)}</h3>
            <p lang="en">
                "Each group's value on an indicator becomes a score from 0 to 100 on the indicator's own scale (0–100 for a percentage, 0–10 for a mean score), with 100 always the better end. "
                "A group's score on a dimension is the mean of its scores on the indicators of that dimension, using each indicator's latest period with a total; a dimension with no indicator for a group has no score (a gap, not a zero). "
                "A composite is the weighted mean of the dimension scores present, with the weights you choose."
            </p>
            <h3>{t!(i18n, about.trends)}</h3>
            <p lang="en">"A trend is the least-squares straight line through the values available, in the indicator's unit per year; gaps are skipped, not filled."</p>
            <h3>{t!(i18n, about.dimension_profile)}</h3>
            <p lang="en">
                "The " <A href="/profile">"profile"</A> " scores each group's figures from 0 to 100 on the indicator's own scale (turned round where lower is better), "
                "averages them by dimension, and weights the dimensions as you choose. A dimension without figures for a group is left out, never counted as zero, "
                "and the table says how many dimensions each group's index rests on."
            </p>
            <h2>{t!(i18n, about.your_data)}</h2>
            <p lang="en">"Files you load on the Data page are read in your browser and never uploaded. They are checked against the same rules as the app's own files, and shown labelled as yours."</p>
            <h2>{t!(i18n, about.te_reo)}</h2>
            <p lang="en">
                "Māori names are shown where the source gives them, such as the guiding principles "
                <span lang="mi">"Kotahitanga"</span> ", " <span lang="mi">"Manaakitanga"</span> " and " <span lang="mi">"Whanaungatanga"</span> ". "
                "Te reo Māori words inside English text (" <span lang="mi">"whānau"</span> ", " <span lang="mi">"Aotearoa"</span> ", " <span lang="mi">"Te Tiriti o Waitangi"</span> ") "
                "are marked as te reo so screen readers pronounce them as such."
            </p>
            <p id="translation-note">
                <span lang="en">
                    "The interface is in English and te reo Māori (the link at the top of every page; your choice is remembered, and every page has its te reo address under "
                    <code>"/mi/"</code> "). The te reo Māori interface is our own translation: it is not official and does not come from an authoritative source. "
                    "Its strings file, " <code>"locales/mi.json"</code> ", marks every string for review by a fluent speaker, in these words: "
                </span>
                <q lang="mi">{td_string!(Locale::mi, translation.status)}</q>
                <span lang="en">
                    " (“All these translations are our own, not an official translation. They should be reviewed by an expert in te reo Māori.”) "
                    "The frameworks' own words stay in English, as the sources give them, and so do the sentences the app writes about the figures, error messages and the longer explanations on this page; all are marked as English."
                </span>
            </p>
            <h2>{t!(i18n, about.licences)}</h2>
            <p lang="en">
                "The source documents are New Zealand Government publications; their content is quoted for explanation and attributed to the publishing agency. "
                "The app's own code is MIT-licensed."
            </p>
        </article>
    }
}
