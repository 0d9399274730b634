import { cleanRoleTokens } from './clean-role-text.js';

/**
 * What distinguishes one role from another, read from cleaned role text:
 * - specialities: technologies, platforms and domains that define the job (java, salesforce, data, qa, mobile);
 *   two roles must name the same set to be the same role.
 * - tools: secondary technologies that imply a speciality (spring → java, kubernetes → devops); they only
 *   conflict with other tools ("Kubernetes Engineer" vs "Terraform Engineer"), never with their absence.
 * - functions: what the person does (build, analyze, administer, ...); they conflict only when both texts
 *   name one and they share none ("Salesforce Developer" vs "Salesforce Administrator").
 * Words outside the lexicon (software, application, senior, ...) never distinguish.
 */
type FacetKind = 'speciality' | 'tool' | 'function';

interface FacetDefinition {
  readonly id: string;
  readonly kind: FacetKind;
  /** Phrases in cleaned form (see cleanRoleText). */
  readonly phrases: readonly string[];
  readonly implies?: readonly string[];
}

const speciality = (id: string, phrases: string[], implies?: string[]): FacetDefinition => ({
  id,
  kind: 'speciality',
  phrases,
  ...(implies ? { implies } : {}),
});
const tool = (id: string, phrases: string[], implies: string[]): FacetDefinition => ({
  id,
  kind: 'tool',
  phrases,
  implies,
});
const role = (id: string, phrases: string[], implies?: string[]): FacetDefinition => ({
  id,
  kind: 'function',
  phrases,
  ...(implies ? { implies } : {}),
});

const FACETS: readonly FacetDefinition[] = [
  // Languages and frameworks that define a developer role.
  speciality('java', ['java', 'j2ee', 'jee']),
  speciality('python', ['python']),
  speciality('.net', ['.net', 'c#', 'asp.net', 'asp.net mvc', 'vb.net', 'f#', 'net core']),
  speciality('javascript', ['javascript', 'typescript', 'ecmascript']),
  speciality('react', ['react', 'redux'], ['frontend']),
  speciality('react native', ['react native'], ['mobile']),
  speciality('angular', ['angular'], ['frontend']),
  speciality('vue', ['vue.js'], ['frontend']),
  speciality('node.js', ['node.js', 'express.js', 'nestjs'], ['backend']),
  speciality('go', ['go']),
  speciality('rust', ['rust']),
  speciality('c', ['c']),
  speciality('c++', ['c++']),
  speciality('ruby', ['ruby', 'ruby on rails']),
  speciality('php', ['php', 'laravel', 'symfony', 'drupal']),
  speciality('scala', ['scala']),
  speciality('kotlin', ['kotlin']),
  speciality('swift', ['swift', 'objective-c'], ['ios']),
  speciality('perl', ['perl']),
  speciality('r', ['r']),
  speciality('matlab', ['matlab']),
  speciality('cobol', ['cobol'], ['mainframe']),
  speciality('mainframe', ['mainframe', 'as400', 'zos']),
  speciality('elixir', ['elixir', 'erlang']),
  speciality('haskell', ['haskell']),
  speciality('clojure', ['clojure']),
  speciality('flutter', ['flutter', 'dart'], ['mobile']),
  speciality('xamarin', ['xamarin'], ['mobile']),
  speciality('wordpress', ['wordpress']),
  speciality('shopify', ['shopify']),
  speciality('magento', ['magento']),
  speciality('unity', ['unity', 'unreal'], ['game']),
  speciality('solidity', ['solidity'], ['blockchain']),
  speciality('1c', ['1c']),
  // Enterprise platforms.
  speciality('salesforce', ['salesforce', 'apex', 'visualforce', 'lightning']),
  speciality('sap', [
    'sap',
    'abap',
    's 4hana',
    'hana',
    'sap fico',
    'sap fi',
    'sap co',
    'sap mm',
    'sap sd',
    'sap wm',
    'sap basis',
    'sap bw',
    'sap hcm',
  ]),
  speciality('servicenow', ['servicenow']),
  speciality('workday', ['workday']),
  speciality('oracle', ['oracle', 'oracle ebs', 'oracle fusion']),
  speciality('dynamics', ['dynamics', 'dynamics 365', 'd365']),
  speciality('sharepoint', ['sharepoint']),
  speciality('guidewire', ['guidewire']),
  speciality('pega', ['pega', 'pegasystems']),
  speciality('mulesoft', ['mulesoft']),
  speciality('peoplesoft', ['peoplesoft']),
  speciality('netsuite', ['netsuite']),
  speciality('tableau', ['tableau']),
  speciality('power bi', ['power bi']),
  speciality('informatica', ['informatica']),
  speciality('splunk', ['splunk']),
  speciality('erp', ['erp']),
  speciality('crm', ['crm']),
  // Clouds.
  speciality('cloud', ['cloud']),
  speciality('aws', ['aws'], ['cloud']),
  speciality('azure', ['azure'], ['cloud']),
  speciality('gcp', ['gcp'], ['cloud']),
  // Domains.
  speciality('data', ['data', 'big data', 'statistical']),
  // Analytics engineers and managers are data roles of their own beside data engineers and managers.
  speciality('analytics', ['analytics'], ['data']),
  // A warehouse developer is a data role of its own: "Big Data Developer" must not be a variant of it.
  speciality('data warehouse', ['data warehouse', 'data warehousing', 'dwh'], ['data']),
  speciality('database', ['database', 'sql', 'pl sql', 'plsql', 't sql', 'tsql', 'db']),
  speciality('machine learning', ['machine learning', 'deep learning', 'nlp', 'computer vision', 'mlops']),
  // Building on language models is a role family of its own beside machine learning ("AI Engineer").
  speciality('ai', ['ai', 'llm', 'llms', 'generative ai', 'genai']),
  speciality('bi', ['bi', 'business intelligence']),
  speciality('etl', ['etl', 'elt']),
  speciality('devops', ['devops', 'devsecops', 'ci cd', 'build and release']),
  speciality('site reliability', ['site reliability']),
  speciality('platform', ['platform']),
  speciality('infrastructure', ['infrastructure']),
  speciality('qa', ['qa', 'qc', 'test', 'tester', 'testing', 'quality', 'sdet']),
  speciality('automation', ['automation', 'sdet']),
  speciality('performance', ['performance', 'load testing']),
  speciality('rpa', ['rpa', 'uipath', 'blue prism', 'automation anywhere']),
  speciality('security', [
    'security',
    'cybersecurity',
    'infosec',
    'cyber',
    'secops',
    'penetration',
    'pentest',
    'pentester',
    'appsec',
  ]),
  speciality('mobile', ['mobile']),
  speciality('ios', ['ios', 'iphone'], ['mobile']),
  speciality('android', ['android'], ['mobile']),
  speciality('frontend', ['frontend']),
  speciality('backend', ['backend', 'server side']),
  speciality('full stack', ['full stack']),
  speciality('web', ['web', 'website', 'webmaster', 'internet']),
  speciality('embedded', ['embedded', 'firmware']),
  speciality('hardware', ['hardware']),
  speciality('game', ['game', 'games', 'gaming', 'gameplay', 'videogame']),
  speciality('blockchain', ['blockchain', 'web3', 'crypto']),
  speciality('network', ['network', 'networking', 'networks', 'lan', 'wan', 'voip']),
  speciality('telecom', ['telecom', 'telecommunications']),
  speciality('systems', ['systems']),
  speciality('storage', ['storage', 'backup']),
  speciality('ui ux', ['ui', 'ux', 'ui ux', 'interaction', 'usability']),
  speciality('graphic', ['graphic', 'graphics', 'visual', 'motion']),
  speciality('support', ['support', 'helpdesk', 'service desk', 'desktop']),
  speciality('business', ['business']),
  speciality('product', ['product']),
  speciality('project', ['project']),
  speciality('program', ['program', 'portfolio']),
  speciality('delivery', ['delivery']),
  speciality('release', ['release']),
  speciality('scrum', ['scrum', 'agile', 'kanban']),
  speciality('solutions', ['solutions', 'solution']),
  speciality('enterprise', ['enterprise']),
  speciality('integration', ['integration', 'middleware', 'edi']),
  speciality('implementation', ['implementation']),
  speciality('gis', ['gis', 'geographic', 'geospatial']),
  speciality('health', ['health', 'clinical', 'informatics', 'nurse', 'nursing']),
  speciality('research', ['research', 'r and d']),
  speciality('sales', ['sales', 'presales', 'pre sales']),
  speciality('hr', ['hr', 'human resources']),
  speciality('marketing', ['marketing', 'seo']),
  speciality('ecommerce', ['ecommerce']),
  speciality('iot', ['iot', 'internet of things']),
  speciality('documentation', ['documentation', 'technical writer']),
  speciality('content', ['content']),
  speciality('operations', ['operations', 'noc']),
  speciality('forensics', ['forensic', 'forensics']),
  // Tools: they imply their speciality and only conflict with each other.
  tool('spring', ['spring', 'spring boot', 'hibernate'], ['java']),
  tool('django', ['django', 'flask', 'fastapi'], ['python']),
  tool('kubernetes', ['kubernetes', 'docker', 'openshift', 'helm'], ['devops']),
  tool('terraform', ['terraform', 'ansible', 'puppet', 'chef', 'jenkins'], ['devops']),
  tool('spark', ['spark', 'hadoop', 'kafka', 'databricks', 'airflow', 'hive', 'flink', 'dbt'], ['data']),
  tool('snowflake', ['snowflake', 'redshift', 'bigquery', 'synapse'], ['data']),
  tool('sql server', ['sql server', 'mysql', 'postgresql', 'mongodb', 'cassandra'], ['database']),
  tool('linux', ['linux', 'unix', 'windows', 'vmware'], ['systems']),
  tool('selenium', ['selenium', 'cypress', 'playwright'], ['qa', 'automation']),
  tool('next.js', ['next.js'], ['react']),
  // Functions.
  role('build', ['developer', 'engineer', 'coder', 'software development engineer']),
  role('administer', ['administrator']),
  role('analyze', ['analyst']),
  role('architect', ['architect']),
  role('manage', [
    'manager',
    'director',
    'head',
    'vp',
    'vice president',
    'cto',
    'cio',
    'ciso',
    'supervisor',
    'lead',
  ]),
  role('design', ['designer']),
  role('consult', ['consultant']),
  role('science', ['scientist', 'researcher']),
  role('own', ['owner']),
  role('coach', ['scrum master', 'agile coach', 'coach'], ['scrum']),
];

const FACET_BY_ID = new Map(FACETS.map((f) => [f.id, f]));

interface PhraseEntry {
  readonly tokens: readonly string[];
  readonly facets: readonly FacetDefinition[];
}

/** Phrases grouped by their first token, longest first. A phrase may name several facets ("sdet"). */
const PHRASES_BY_FIRST_TOKEN: ReadonlyMap<string, readonly PhraseEntry[]> = (() => {
  const byPhrase = new Map<string, FacetDefinition[]>();
  for (const facet of FACETS) {
    for (const phrase of facet.phrases) byPhrase.set(phrase, [...(byPhrase.get(phrase) ?? []), facet]);
  }
  const byFirst = new Map<string, PhraseEntry[]>();
  for (const [phrase, facets] of byPhrase) {
    const tokens = phrase.split(' ');
    const list = byFirst.get(tokens[0]!) ?? [];
    list.push({ tokens, facets });
    byFirst.set(tokens[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return byFirst;
})();

/** Every single token that names a speciality or tool: the fuzzy matcher must never rewrite into or out of one. */
export const TECHNOLOGY_TOKENS: ReadonlySet<string> = new Set(
  FACETS.filter((f) => f.kind !== 'function').flatMap((f) => f.phrases.flatMap((p) => p.split(' '))),
);

export interface RoleFacets {
  readonly specialities: ReadonlySet<string>;
  readonly tools: ReadonlySet<string>;
  readonly functions: ReadonlySet<string>;
  /** Tokens outside the lexicon, in order ("novell" in "Certified Novell Engineer"). */
  readonly otherTokens: readonly string[];
}

function addWithImplications(facet: FacetDefinition, into: RoleFacetsBuilder): void {
  const target =
    facet.kind === 'speciality' ? into.specialities : facet.kind === 'tool' ? into.tools : into.functions;
  if (target.has(facet.id)) return;
  target.add(facet.id);
  for (const impliedId of facet.implies ?? []) {
    const implied = FACET_BY_ID.get(impliedId);
    if (implied) addWithImplications(implied, into);
  }
}

interface RoleFacetsBuilder {
  specialities: Set<string>;
  tools: Set<string>;
  functions: Set<string>;
  otherTokens: string[];
}

/** Facets of already-cleaned tokens. */
export function facetsOfTokens(tokens: readonly string[]): RoleFacets {
  const facets: RoleFacetsBuilder = {
    specialities: new Set(),
    tools: new Set(),
    functions: new Set(),
    otherTokens: [],
  };
  let i = 0;
  while (i < tokens.length) {
    const candidates = PHRASES_BY_FIRST_TOKEN.get(tokens[i]!) ?? [];
    const hit = candidates.find((entry) => entry.tokens.every((t, k) => tokens[i + k] === t));
    if (hit) {
      for (const facet of hit.facets) addWithImplications(facet, facets);
      i += hit.tokens.length;
    } else {
      facets.otherTokens.push(tokens[i]!);
      i += 1;
    }
  }
  return facets;
}

export function detectRoleFacets(text: string): RoleFacets {
  return facetsOfTokens(cleanRoleTokens(text).tokens);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function disjointWhenBothNamed(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));
}

export function facetsConflict(a: RoleFacets, b: RoleFacets): boolean {
  return (
    !sameSet(a.specialities, b.specialities) ||
    disjointWhenBothNamed(a.tools, b.tools) ||
    disjointWhenBothNamed(a.functions, b.functions)
  );
}

/** True when two role texts name different distinguishing technologies, specialities or functions. */
export function rolesConflict(a: string, b: string): boolean {
  return facetsConflict(detectRoleFacets(a), detectRoleFacets(b));
}

/** Words that qualify no role: "Java Software Developer" is plainly a Java Developer. */
export const GENERIC_ROLE_WORDS: ReadonlySet<string> = new Set([
  'software',
  'application',
  'computer',
  'technical',
  'it',
  'information',
  'technology',
  'and',
  'of',
  'for',
  'in',
]);

function functionsWithin(a: RoleFacets, b: RoleFacets): boolean {
  return a.functions.size > 0 && [...a.functions].every((f) => b.functions.has(f));
}

/**
 * A text is plainly a variant of a role when it names the same specialities, only functions of the role, and
 * nothing else the role lacks but generic words or implied tools ("Java Spring Boot Developer" → Java Developer).
 */
export function isPlainVariantOf(variant: RoleFacets, role: RoleFacets): boolean {
  return (
    !facetsConflict(variant, role) &&
    functionsWithin(variant, role) &&
    variant.otherTokens.every((token) => GENERIC_ROLE_WORDS.has(token) || role.otherTokens.includes(token))
  );
}

export function sameFunctions(a: RoleFacets, b: RoleFacets): boolean {
  return functionsWithin(a, b) && functionsWithin(b, a);
}
