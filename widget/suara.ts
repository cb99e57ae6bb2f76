/** The embeddable module, served as /widget/suara.js: `<script type="module" src=".../widget/suara.js">`. */
import "./suara-rating.ts";
