/**
 * `npm run org:create -- "Département de la Gironde" [direction-id=Libellé …]`: the operator
 * creates an organisation in the configured store (DATABASE_URL / DATABASE_PATH) and reads its
 * admin key once (only its hash is kept).
 */
import { createOrganisation, Directions, OrganisationName } from "../organisations.ts";
import { Store, storeConfigFromEnv } from "../store/store.ts";

const [rawName, ...rawDirections] = process.argv.slice(2);
const name = OrganisationName.safeParse(rawName ?? "");
const directions = Directions.safeParse(
  rawDirections.map((arg) => {
    const [id = "", ...label] = arg.split("=");
    return { id, label: label.join("=") || id };
  }),
);
if (!name.success || !directions.success) {
  console.error(
    'Usage : npm run org:create -- "Nom de l\'organisation" [identifiant-direction=Libellé …]\n' +
      '(identifiants : minuscules, chiffres et tirets ; ex. dgs="Direction générale des services")',
  );
  process.exit(2);
}
const store = await Store.open(storeConfigFromEnv());
try {
  const { organisation, adminKey } = await createOrganisation(store, name.data, directions.data);
  const n = organisation.directions.length;
  console.log(`Organisation créée : ${organisation.name} (${n} direction${n > 1 ? "s" : ""})`);
  console.log(`Clé d'administration (notez-la, elle ne sera plus affichée) : ${adminKey}`);
} finally {
  await store.close();
}
