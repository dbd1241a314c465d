import type { ColumnMapping, ImportEntityName } from '../contract/schemas';
import { compactHeader, toSnakeKey } from '../fields/naming';

/**
 * How order and event CSV headers map onto the fields Tailor stores, and a
 * guess at what a file holds from its header row. Pure: the import dialog
 * uses the guess to preselect customers, orders or events.
 *
 * The customer is named by `customer_id` (an external id, the customers'
 * `id`), `customer_email`, or one `customer` column holding either.
 */

export const ORDER_KEYS = [
  'order_id',
  'customer_id',
  'customer_email',
  'customer',
  'ordered_at',
  'total',
  'currency',
  'items',
  'category',
  'status',
] as const;
export type OrderKey = (typeof ORDER_KEYS)[number];

export const EVENT_KEYS = ['customer_id', 'customer_email', 'customer', 'type', 'occurred_at', 'product', 'category', 'value'] as const;
export type EventKey = (typeof EVENT_KEYS)[number];

/**
 * Synonyms in compact form (compactHeader), as in shared/fields/canonical.ts: English, then French, German,
 * Spanish, Italian, Portuguese and Dutch, the languages customers' headers are read in.
 */
const CUSTOMER_SYNONYMS = {
  customer_id: [
    'customerid',
    'custid',
    'externalid',
    'customerexternalid',
    'clientid',
    'userid',
    'contactid',
    'memberid',
    'customernumber',
    'idclient',
    'numeroclient',
    'kundennummer',
    'kundenid',
    'kundennr',
    'idcliente',
    'numerocliente',
    'codicecliente',
    'klantnummer',
    'klantid',
  ],
  customer_email: [
    'email',
    'customeremail',
    'emailaddress',
    'mail',
    'useremail',
    'contactemail',
    'courriel',
    'courrielclient',
    'emailclient',
    'adresseemail',
    'kundenemail',
    'emailadresse',
    'correo',
    'correoelectronico',
    'emailcliente',
    'emailadres',
    'klantemail',
  ],
  customer: ['customer', 'customerkey', 'client', 'user', 'contact', 'kunde', 'cliente', 'klant'],
} as const;

export const ORDER_SYNONYMS: Record<OrderKey, readonly string[]> = {
  ...CUSTOMER_SYNONYMS,
  order_id: [
    'orderid',
    'order',
    'ordernumber',
    'orderno',
    'ordernr',
    'orderref',
    'orderreference',
    'transactionid',
    'id',
    'ncommande',
    'nocommande',
    'numerocommande',
    'numerodecommande',
    'idcommande',
    'refcommande',
    'commande',
    'bestellnummer',
    'bestellnr',
    'bestellid',
    'auftragsnummer',
    'numerodepedido',
    'numeropedido',
    'idpedido',
    'pedido',
    'numeroordine',
    'idordine',
    'ordine',
    'numerodopedido',
    'bestelnummer',
    'ordernummer',
  ],
  ordered_at: [
    'date',
    'orderdate',
    'orderedat',
    'orderedon',
    'createdat',
    'purchasedate',
    'purchasedat',
    'placedat',
    'paidat',
    'timestamp',
    'datetime',
    'datecommande',
    'datedecommande',
    'datum',
    'bestelldatum',
    'auftragsdatum',
    'fecha',
    'fechapedido',
    'fechadepedido',
    'dataordine',
    'datadellordine',
    'datapedido',
    'datadopedido',
    'besteldatum',
    'orderdatum',
  ],
  total: [
    'total',
    'amount',
    'ordertotal',
    'totalamount',
    'grandtotal',
    'revenue',
    'value',
    'price',
    'sum',
    'montant',
    'montanttotal',
    'totalttc',
    'prix',
    'betrag',
    'gesamtbetrag',
    'summe',
    'umsatz',
    'preis',
    'importe',
    'importetotal',
    'precio',
    'importo',
    'totale',
    'prezzo',
    'valor',
    'valortotal',
    'preco',
    'bedrag',
    'totaalbedrag',
    'prijs',
  ],
  currency: ['currency', 'currencycode', 'devise', 'monnaie', 'wahrung', 'moneda', 'divisa', 'valuta', 'moeda', 'munt'],
  items: [
    'items',
    'itemcount',
    'numberofitems',
    'quantity',
    'qty',
    'lineitemquantity',
    'articles',
    'quantite',
    'nombredarticles',
    'anzahl',
    'menge',
    'artikel',
    'cantidad',
    'articulos',
    'quantita',
    'articoli',
    'quantidade',
    'itens',
    'aantal',
    'artikelen',
  ],
  category: ['category', 'productcategory', 'department', 'categorie', 'rubrique', 'kategorie', 'warengruppe', 'categoria'],
  status: ['status', 'orderstatus', 'financialstatus', 'state', 'statut', 'etat', 'bestellstatus', 'estado', 'stato', 'situacao'],
};

export const EVENT_SYNONYMS: Record<EventKey, readonly string[]> = {
  ...CUSTOMER_SYNONYMS,
  type: [
    'type',
    'event',
    'eventtype',
    'eventname',
    'action',
    'activity',
    'evenement',
    'typeevenement',
    'typedevenement',
    'ereignis',
    'ereignistyp',
    'aktion',
    'evento',
    'tipodeevento',
    'tipoevento',
    'tipodievento',
    'gebeurtenis',
    'actie',
  ],
  occurred_at: [
    'timestamp',
    'occurredat',
    'time',
    'datetime',
    'date',
    'eventtime',
    'eventdate',
    'createdat',
    'when',
    'horodatage',
    'dateheure',
    'zeitpunkt',
    'zeitstempel',
    'datum',
    'fecha',
    'fechayhora',
    'dataeora',
    'dataehora',
    'tijdstip',
  ],
  product: ['product', 'productid', 'sku', 'productname', 'item', 'itemid', 'produit', 'produkt', 'producto', 'prodotto', 'produto'],
  category: ['category', 'productcategory', 'categorie', 'kategorie', 'categoria'],
  value: [
    'value',
    'amount',
    'price',
    'revenue',
    'valeur',
    'montant',
    'wert',
    'betrag',
    'valor',
    'importe',
    'valore',
    'importo',
    'waarde',
    'bedrag',
  ],
};

/**
 * Header row → mapping: each known field takes the first column that names
 * it; every other column is kept under its snake_case key (kind 'custom').
 */
export function mapActivityHeaders<K extends string>(headers: readonly string[], synonyms: Record<K, readonly string[]>): ColumnMapping[] {
  const taken = new Set<string>();
  const lookup = new Map<string, K>();
  for (const [key, names] of Object.entries(synonyms) as [K, readonly string[]][]) for (const name of names) lookup.set(name, key);
  return headers.map((raw, index) => {
    // As the customers' mapping does: a CRLF file's last header keeps its '\r', a UTF-8 file's first its BOM.
    const header = raw.replace(/^\uFEFF/, '').trim();
    const key = lookup.get(compactHeader(header));
    if (key !== undefined && !taken.has(key)) {
      taken.add(key);
      return { header, key, kind: 'canonical' as const };
    }
    const custom = toSnakeKey(header) || `column_${index + 1}`;
    return { header, key: taken.has(custom) ? `${custom}_${index + 1}` : custom, kind: 'custom' as const };
  });
}

const mapped = (mapping: readonly ColumnMapping[], key: string): boolean =>
  mapping.some((column) => column.kind === 'canonical' && column.key === key);

/**
 * What a header row most likely holds, or null when it is not obvious.
 * Orders need an order column that is not a bare "id" plus an amount;
 * events need an event type and a timestamp.
 */
export function guessImportEntity(headers: readonly string[]): ImportEntityName | null {
  const compact = headers.map(compactHeader);
  const orders = mapActivityHeaders(headers, ORDER_SYNONYMS);
  const orderColumn = compact.some((name) => name !== 'id' && ORDER_SYNONYMS.order_id.includes(name));
  if (orderColumn && mapped(orders, 'total')) return 'orders';
  const events = mapActivityHeaders(headers, EVENT_SYNONYMS);
  if (mapped(events, 'type') && mapped(events, 'occurred_at')) return 'events';
  if (compact.some((name) => ['email', 'emailaddress', 'firstname', 'lastname'].includes(name))) return 'customers';
  return null;
}

/**
 * The header cells of a file's first non-blank line, good enough to guess
 * what it holds before the import (which parses it properly) runs: the most
 * frequent of , ; tab | is the delimiter, and surrounding quotes go.
 */
export function firstLineHeaders(text: string): string[] {
  const line =
    text
      .replace(/^\uFEFF/, '')
      .split(/\r\n|\n|\r/)
      .find((candidate) => candidate.trim() !== '') ?? '';
  const delimiters = [',', ';', '\t', '|'];
  const counts = delimiters.map((delimiter) => line.split(delimiter).length);
  const delimiter = delimiters[counts.indexOf(Math.max(...counts))] ?? ',';
  return line.split(delimiter).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .replace(/""/g, '"'),
  );
}
