/**
 * The seed story as data: the Indore News report (in Hindi) on the social-media reach of the
 * Indore district administration, Madhya Pradesh. The figures are the report's own phrases; the
 * handles are ILLUSTRATIVE (the report names no handles), so do not collect them from the real APIs.
 *
 * Source: ../shared/seed/indore-admin-social-media.hi.txt
 */
import type { RegistryInput } from '../src/index.js';

export const indoreRegistry: RegistryInput = {
  units: [
    { id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh', hi: 'मध्यप्रदेश' } },
    {
      id: 'indore-division',
      kind: 'division',
      name: { en: 'Indore division', hi: 'इंदौर संभाग' },
      parent: 'mp',
    },
    {
      id: 'indore-admin',
      kind: 'district',
      name: { en: 'Indore district administration', hi: 'इंदौर जिला प्रशासन' },
      parent: 'indore-division',
    },
    {
      id: 'commissioner',
      kind: 'official',
      name: { en: 'Divisional Commissioner', hi: 'संभागायुक्त' },
      parent: 'indore-admin',
    },
    {
      id: 'collector',
      kind: 'official',
      name: { en: 'Collector', hi: 'कलेक्टर' },
      parent: 'indore-admin',
    },
    {
      id: 'pr-office',
      kind: 'office',
      name: { en: 'Divisional PR office', hi: 'संभागीय जनसंपर्क कार्यालय' },
      parent: 'indore-admin',
    },
  ],
  accounts: [
    {
      id: 'commissioner-x',
      unit: 'commissioner',
      platform: 'x',
      handle: '@CommissionerIND',
      label: { en: 'Commissioner (X)', hi: 'संभागायुक्त (ट्विटर)' },
    },
    {
      id: 'commissioner-fb',
      unit: 'commissioner',
      platform: 'facebook',
      handle: 'facebook.com/CommissionerIndore',
      label: { en: 'Commissioner (Facebook)', hi: 'संभागायुक्त (फेसबुक)' },
    },
    {
      id: 'commissioner-ig',
      unit: 'commissioner',
      platform: 'instagram',
      handle: 'commissionerindore',
      label: { en: 'Commissioner (Instagram)', hi: 'संभागायुक्त (इंस्टाग्राम)' },
    },
    {
      id: 'collector-x',
      unit: 'collector',
      platform: 'x',
      handle: 'https://twitter.com/IndoreCollector',
      label: { en: 'Collector (X)', hi: 'कलेक्टर (ट्विटर)' },
    },
    {
      id: 'collector-fb',
      unit: 'collector',
      platform: 'facebook',
      handle: 'https://www.facebook.com/CollectorIndore',
      label: { en: 'Collector (Facebook)', hi: 'कलेक्टर (फेसबुक)' },
    },
    {
      id: 'collector-ig',
      unit: 'collector',
      platform: 'instagram',
      handle: 'instagram.com/collectorindore',
      label: { en: 'Collector (Instagram)', hi: 'कलेक्टर (इंस्टाग्राम)' },
    },
    {
      id: 'jd-x',
      unit: 'pr-office',
      platform: 'x',
      handle: '@JDJansamparkIND',
      role: 'joint-director',
      label: { en: 'Joint Director (X)', hi: 'संयुक्त संचालक (ट्विटर)' },
    },
    {
      id: 'jd-fb',
      unit: 'pr-office',
      platform: 'facebook',
      handle: 'JDJansamparkIndore',
      role: 'joint-director',
      label: { en: 'Joint Director (Facebook)', hi: 'संयुक्त संचालक (फेसबुक)' },
    },
    {
      id: 'pro-x',
      unit: 'pr-office',
      platform: 'x',
      handle: '@PROJSIndore',
      role: 'pro',
      label: { en: 'PRO (X)', hi: 'पीआरओ (ट्विटर)' },
    },
    {
      id: 'pro-fb',
      unit: 'pr-office',
      platform: 'facebook',
      handle: 'PROJansamparkIndore',
      role: 'pro',
      label: { en: 'PRO (Facebook)', hi: 'पीआरओ (फेसबुक)' },
    },
    {
      id: 'pr-ig',
      unit: 'pr-office',
      platform: 'instagram',
      handle: 'jansamparkindore',
      label: { en: 'PR office (Instagram)', hi: 'जनसंपर्क कार्यालय (इंस्टाग्राम)' },
    },
    // "preparations are being made to start using Koo … and podcasts": planned, so never counted or missing
    {
      id: 'pr-koo',
      unit: 'pr-office',
      platform: 'koo',
      handle: 'JansamparkIndore',
      status: 'planned',
    },
    {
      id: 'pr-podcast',
      unit: 'pr-office',
      platform: 'podcast',
      handle: 'jansampark-indore',
      status: 'planned',
    },
  ],
};

/** The figures as the Hindi report (Indore News) writes them, keyed by the (illustrative) handles above. */
export const reportedFigures = {
  x: {
    CommissionerIND: '32 हजार से अधिक',
    IndoreCollector: 'लगभग 77 हजार',
    JDJansamparkIND: '21 हजार',
    PROJSIndore: 'साढे 15 हजार',
  },
  facebook: {
    CommissionerIndore: 'साढे 5 हजार',
    CollectorIndore: 'लगभग 33 हजार',
    JDJansamparkIndore: 'साढे 6 हजार',
    PROJansamparkIndore: '13 हजार',
  },
} as const;

/**
 * The same story in English, in the Free Press Journal (Indore, 19 September 2021), which gives
 * two accounts different figures: the joint director's Facebook 6,000 (Hindi: साढ़े 6 हजार) and the
 * PRO's Twitter 15,000 (Hindi: साढ़े 15 हजार). The other six figures are taken to be the Hindi
 * report's, written in English: only the two that differ (and "1.5 lakh" for the two officers)
 * are recorded in this project's notes on the story.
 */
export const englishFigures = {
  x: {
    CommissionerIND: 'more than 32,000',
    IndoreCollector: 'about 77,000',
    JDJansamparkIND: '21,000',
    PROJSIndore: '15,000',
  },
  facebook: {
    CommissionerIndore: '5,500',
    CollectorIndore: 'about 33,000',
    JDJansamparkIndore: '6,000',
    PROJansamparkIndore: '13,000',
  },
} as const;

/** A claim of a report: a phrase for the X + Facebook total of some units. */
export interface ReportedClaim {
  readonly id: string;
  readonly en: string;
  readonly hi: string;
  readonly claim: string;
  readonly units: readonly string[];
}

/** The Hindi report's own totals, to check against the arithmetic. */
export const reportedClaims: readonly ReportedClaim[] = [
  {
    id: 'officers',
    en: 'Commissioner and Collector together (X + Facebook)',
    hi: 'कमिश्नर और कलेक्टर मिलाकर (ट्विटर + फेसबुक)',
    claim: 'लगभग डेढ़ लाख',
    units: ['commissioner', 'collector'],
  },
  {
    id: 'pr-office',
    en: 'Divisional PR office, both accounts (X + Facebook)',
    hi: 'संभागीय जनसंपर्क कार्यालय, दोनों अकाउंट (ट्विटर + फेसबुक)',
    claim: 'कुल 60 हजार',
    units: ['pr-office'],
  },
  {
    id: 'all',
    en: 'All accounts of the administration (X + Facebook)',
    hi: 'प्रशासन के सभी अकाउंट (ट्विटर + फेसबुक)',
    claim: 'दो लाख से अधिक',
    units: ['indore-admin'],
  },
];

/** The English report's total for the two officers. */
export const englishClaims: readonly ReportedClaim[] = [
  {
    id: 'officers',
    en: 'Commissioner and Collector together (X + Facebook)',
    hi: 'कमिश्नर और कलेक्टर मिलाकर (ट्विटर + फेसबुक)',
    claim: '1.5 lakh',
    units: ['commissioner', 'collector'],
  },
];

/**
 * When the figures were reported: the Free Press Journal's publication date, 19 September 2021
 * (the Hindi report shows no date of its own; it ran the same story), at noon in Indore.
 */
export const reportedAt = '2021-09-19T12:00:00+05:30';

/** The two sources, as the demo names them. */
export const sources = {
  hindi: { note: 'Indore News (Hindi)', figures: reportedFigures, claims: reportedClaims },
  english: { note: 'Free Press Journal (English)', figures: englishFigures, claims: englishClaims },
} as const;
