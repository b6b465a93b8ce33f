//! `/about`: what the app is, where its content comes from, and how to read its links.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <Title text="About" />
        <article class="panel prose">
            <h1>"About Cohesion Explorer"</h1>
            <p>
                "Cohesion Explorer lets anyone explore New Zealand's social cohesion frameworks: the Ministry of Social Development's strategic framework, "
                "the five dimensions of social cohesion, the Office of Ethnic Communities' focus areas, Immigration New Zealand's Community Engagement Framework, "
                "the Connecting Diverse Communities programme and Investing for Social Wellbeing, and how they map onto each other."
            </p>
            <h2>"Where the words come from"</h2>
            <p>
                "The frameworks' wording is quoted from the public documents, not paraphrased. Every part shows the sentence it is quoted from and the document it comes from; the "
                <A href="/open-data">"Data"</A> " page lists the documents. A test checks every label and quote against the source texts, so a typo fails the build."
            </p>
            <h2>"Links: stated, or our judgment"</h2>
            <p>
                "Some links between parts are stated by the source (the focus areas are “particularly linked to” named dimensions, for example). "
                "Others, such as which dimension an outcome or an initiative serves, are editorial judgments made for this app. "
                "Every link says which it is: “stated in the source” or “editorial judgment”; in the crosswalk ● marks a stated link and ○ an editorial one."
            </p>
            <h2>"Te reo Māori"</h2>
            <p>
                "Māori names are shown where the source gives them, such as the guiding principles "
                <span lang="mi">"Kotahitanga"</span> ", " <span lang="mi">"Manaakitanga"</span> " and " <span lang="mi">"Whanaungatanga"</span> "."
            </p>
            <h2>"Licences"</h2>
            <p>
                "The source documents are New Zealand Government publications; their content is quoted for explanation and attributed to the publishing agency. "
                "The app's own code is MIT-licensed."
            </p>
        </article>
    }
}
