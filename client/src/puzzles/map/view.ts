/**
 * map: the list of items is complete on its own for the keyboard and screen readers (a select of the
 * map's features, or latitude and longitude fields with the French decimal comma); the SVG map above
 * it, drawn offline from the step's GeoJSON, is the mouse path: pick the item, click the map. The
 * drawing holds no tab stop (RGAA: the list is the keyboard path, said in the drawing's name).
 * `mapPicture` draws an answer on the map for the projected reveal.
 */
import { html, nothing, svg } from "lit-html";
import {
  bboxOf,
  fitProjection,
  formatDegrees,
  type Projection,
  parseDegrees,
} from "../../../../shared/puzzles/map/geo.ts";
import type { MapFeature, MapItem } from "../../../../shared/puzzles/map/schema.ts";
import { t } from "../../i18n/index.ts";
import { mark } from "../marks.ts";
import type { AnswerOf, PuzzleContext, StepOf } from "../types.ts";
import { featureName, type MapPuzzleView, pointText } from "./places.ts";
import "./map.css";

const ringPath = (projection: Projection, ring: [number, number][]) =>
  `M${ring
    .map(([lon, lat]) =>
      projection
        .project(lon, lat)
        .map((v) => v.toFixed(1))
        .join(","),
    )
    .join("L")}Z`;

function featurePath(projection: Projection, feature: MapFeature): string {
  const geometry = feature.geometry;
  if (geometry.type === "Point") return "";
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((rings) => rings.map((ring) => ringPath(projection, ring))).join(" ");
}

/** Where a feature's name goes: the middle of its bounding box. */
function labelPoint(projection: Projection, feature: MapFeature): [number, number] {
  const box = bboxOf({ type: "FeatureCollection", features: [feature] });
  return projection.project((box.minLon + box.maxLon) / 2, (box.minLat + box.maxLat) / 2);
}

/** The map with a draft's answers: the interactive drawing (`onClick`), or a picture without one. */
function mapDrawing(
  puzzle: MapPuzzleView,
  draft: AnswerOf<"map">,
  onClick: ((event: MouseEvent) => void) | null,
) {
  const projection = fitProjection(bboxOf(puzzle.map));
  const picked = new Map(draft.places.filter((p) => p.feature).map((p) => [p.feature, p.item]));
  const labelOfItem = (id: string) => puzzle.items.find((item) => item.id === id)?.label ?? id;
  const viewBox = `0 0 ${projection.width} ${projection.height.toFixed(0)}`;
  const drawing = onClick
    ? (body: unknown) => html`<svg class="map-drawing" viewBox=${viewBox} role="img"
        aria-label=${t("map.drawing", { title: puzzle.title ?? "" })} @click=${onClick}>${body}</svg>`
    : // The answer lines beside it say the same: hidden from screen readers.
      (body: unknown) => html`<svg class="map-picture" viewBox=${viewBox} aria-hidden="true">${body}</svg>`;
  return drawing(svg`
    ${puzzle.map.features.map((feature) => {
      if (feature.geometry.type === "Point") {
        const [x, y] = projection.project(...feature.geometry.coordinates);
        return svg`<g class="map-landmark" data-feature=${feature.id}><title>${feature.properties.nom}</title>
          <rect x=${x - 4} y=${y - 4} width="8" height="8"></rect>
          <text x=${x + 7} y=${y + 4}>${feature.properties.nom}</text></g>`;
      }
      const [x, y] = labelPoint(projection, feature);
      const item = picked.get(feature.id);
      return svg`<g class=${item ? "map-feature picked" : "map-feature"} data-feature=${feature.id}>
        <title>${featureName(puzzle, feature.id)}</title>
        <path d=${featurePath(projection, feature)} fill-rule="evenodd"></path>
        <text x=${x} y=${y} text-anchor="middle">${feature.properties.nom}</text>
        ${item ? svg`<text class="map-pick-label" x=${x} y=${y + 16} text-anchor="middle">◆ ${labelOfItem(item)}</text>` : nothing}
      </g>`;
    })}
    ${draft.places
      .filter((p) => p.lat !== undefined && p.lon !== undefined)
      .map((p) => {
        const [x, y] = projection.project(p.lon ?? 0, p.lat ?? 0);
        const inside = x >= 0 && y >= 0 && x <= projection.width && y <= projection.height;
        return inside
          ? svg`<g class="map-point" data-place=${p.item}><circle cx=${x} cy=${y} r="6"></circle>
              <text x=${x + 9} y=${y - 6}>${labelOfItem(p.item)}</text></g>`
          : nothing;
      })}`);
}

/** A draft's answers on the map, for the projected reveal (beside its answer lines). */
export const mapPicture = (puzzle: MapPuzzleView, draft: AnswerOf<"map">) => mapDrawing(puzzle, draft, null);

export function mapPuzzle({
  step,
  draft,
  editable,
  send,
  marks,
}: PuzzleContext<StepOf<"map">, AnswerOf<"map">>) {
  const puzzle = step.puzzle;
  const placeOf = (item: string) => draft.places.find((p) => p.item === item);

  /** The mouse path: the item chosen above the map goes where the map was clicked. */
  const clickMap = (event: MouseEvent) => {
    if (!editable) return;
    const svgElement = event.currentTarget as SVGSVGElement;
    const root = svgElement.closest(".puzzle.map");
    const item = puzzle.items.find(
      (i) => i.id === root?.querySelector<HTMLSelectElement>("select[name=map-active]")?.value,
    );
    if (!item) return;
    if (item.answer === "feature") {
      const feature = (event.target as Element).closest<SVGGElement>("[data-feature]")?.dataset.feature;
      if (feature) send({ op: "map-pick", item: item.id, feature });
      return;
    }
    const matrix = svgElement.getScreenCTM();
    if (!matrix) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const { lat, lon } = fitProjection(bboxOf(puzzle.map)).invert(point.x, point.y);
    const round = (value: number) => Math.round(value * 100_000) / 100_000;
    send({ op: "map-place", item: item.id, lat: round(lat), lon: round(lon) });
  };

  const pick = (item: MapItem) => (event: Event) => {
    const feature = (event.target as HTMLSelectElement).value;
    if (feature) send({ op: "map-pick", item: item.id, feature });
    else if (placeOf(item.id)) send({ op: "map-clear", item: item.id });
  };

  const place = (item: MapItem) => (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    const lat = parseDegrees(field("lat").value, 90);
    const lon = parseDegrees(field("lon").value, 180);
    field("lat").setAttribute("aria-invalid", String(lat === null));
    field("lon").setAttribute("aria-invalid", String(lon === null));
    const error = form.querySelector(".map-error");
    if (error) error.textContent = lat === null || lon === null ? t("map.invalid") : "";
    if (lat === null || lon === null) {
      (lat === null ? field("lat") : field("lon")).focus();
      return;
    }
    send({ op: "map-place", item: item.id, lat, lon });
  };

  const itemView = (item: MapItem) => {
    const current = placeOf(item.id);
    const base = `map-${item.id}`;
    const control =
      item.answer === "feature"
        ? html`<label>${t("map.featureLabel")}
            <select data-focus-key=${`${base}-feature`} ?disabled=${!editable} @change=${pick(item)}>
              <option value="" ?selected=${!current}>${t("map.chooseFeature")}</option>
              ${puzzle.map.features.map(
                (f) =>
                  html`<option value=${f.id} ?selected=${current?.feature === f.id}>${featureName(puzzle, f.id)}</option>`,
              )}
            </select></label>`
        : html`<form class="map-point-form" aria-label=${t("map.pointFor", { item: item.label })} @submit=${place(item)}>
            <label>${t("map.lat")}
              <input name="lat" type="text" inputmode="decimal" autocomplete="off" size="10" maxlength="20"
                data-focus-key=${`${base}-lat`} aria-describedby="map-format" ?disabled=${!editable}
                .value=${current?.lat !== undefined ? formatDegrees(current.lat) : ""} /></label>
            <label>${t("map.lon")}
              <input name="lon" type="text" inputmode="decimal" autocomplete="off" size="10" maxlength="20"
                data-focus-key=${`${base}-lon`} aria-describedby="map-format" ?disabled=${!editable}
                .value=${current?.lon !== undefined ? formatDegrees(current.lon) : ""} /></label>
            <button type="submit" data-focus-key=${`${base}-place`} ?disabled=${!editable}>${t("map.place")}</button>
            ${
              current
                ? html`<button type="button" class="small" data-focus-key=${`${base}-clear`} ?disabled=${!editable}
                    @click=${() => send({ op: "map-clear", item: item.id })}>${t("map.clear")}</button>`
                : nothing
            }
            <p class="map-error" role="alert"></p>
          </form>`;
    return html`<li class="map-item" data-item=${item.id}>
      <h3>${item.label} ${mark(marks, item.id)}</h3>
      ${item.detail ? html`<p class="detail">${item.detail}</p>` : nothing}
      <p class="map-current" aria-live="polite">${
        current
          ? t("map.placed", {
              where: current.feature
                ? featureName(puzzle, current.feature)
                : pointText(current.lat ?? 0, current.lon ?? 0),
            })
          : t("map.unplaced")
      }</p>
      ${control}
    </li>`;
  };

  return html`<div class="puzzle map">
    <p class="muted">${t("map.help", { tolerance: puzzle.toleranceMeters })}</p>
    <p class="muted" id="map-format">${t("map.format")}</p>
    <figure class="map-figure">
      ${puzzle.title ? html`<figcaption>${puzzle.title}</figcaption>` : nothing}
      <label>${t("map.active")}
        <select name="map-active" data-focus-key="map-active" ?disabled=${!editable}>
          ${puzzle.items.map((item) => html`<option value=${item.id}>${item.label}</option>`)}
        </select></label>
      ${mapDrawing(puzzle, draft, clickMap)}
    </figure>
    <ol class="map-items">${puzzle.items.map(itemView)}</ol>
  </div>`;
}
