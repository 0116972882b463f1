import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyRegions } from '../body-regions.js';
import { bodySite, lateralityExtensionUrl, snomedStructure } from './body-sites.js';

describe('body regions as FHIR body sites', () => {
  it('gives every region its own code, its words and the SNOMED structure it lies in', () => {
    for (const region of bodyRegions) {
      const site = bodySite(region.code);
      assert.equal(site.text, region.label);
      assert.deepEqual(site.coding?.[0], {
        system: 'urn:palpate:body-region',
        code: region.code,
        display: region.label,
      });
      const structure = snomedStructure(region.code);
      assert.ok(structure, `${region.code} has no SNOMED structure`);
      assert.equal(structure.system, 'http://snomed.info/sct');
      assert.match(structure.code, /^\d{6,18}$/);
      assert.deepEqual(site.coding?.[1], structure);
    }
  });

  it('qualifies a paired region with its side, and a midline region with none', () => {
    const side = (code: string) =>
      bodySite(code).extension?.find((extension) => extension.url === lateralityExtensionUrl)
        ?.valueCodeableConcept?.coding?.[0]?.code;
    assert.equal(side('upper_trapezius_l'), '7771000');
    assert.equal(side('knee_r'), '24028007');
    assert.equal(bodySite('sacrum').extension, undefined);
    assert.equal(bodySite('knee_r').text, 'Knee, right');
  });

  it('keeps a region code it does not know, with the code as its words', () => {
    assert.deepEqual(bodySite('tail_l'), {
      coding: [{ system: 'urn:palpate:body-region', code: 'tail_l' }],
      text: 'tail_l',
    });
  });
});
