import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkDefinition, type SurveyDefinition } from '@concord/shared';

import { getElement, pathFromString, pathToString } from './definition-paths';
import {
  addElement,
  addPage,
  duplicateElement,
  moveBy,
  moveElement,
  newElement,
  normalizePages,
  removeElement,
  updateElement,
  withDefaultText,
} from './definition-edits';
import { QUESTION_TYPES } from './question-types';

const BASE: SurveyDefinition = {
  pages: [
    {
      name: 'page1',
      elements: [
        { type: 'text', name: 'q1', title: 'One' },
        { type: 'radiogroup', name: 'q2', title: 'Two', choices: ['a', 'b'] },
        {
          type: 'panel',
          name: 'panel1',
          elements: [{ type: 'comment', name: 'q3', title: 'Three', visibleIf: "{q2} = 'a'" }],
        },
      ],
    },
    { name: 'page2', elements: [{ type: 'boolean', name: 'q4', visibleIf: '{q2-Comment} notempty or {q2} empty' }] },
  ],
};

const names = (definition: SurveyDefinition, page: number) =>
  (definition.pages?.[page]?.elements ?? []).map((element) => element.name);

describe('paths', () => {
  it('are the JSON paths the definition check reports', () => {
    const path = ['pages', 0, 'elements', 2, 'elements', 0];
    expect(pathToString(path)).toBe('$.pages[0].elements[2].elements[0]');
    expect(pathFromString('$.pages[0].elements[2].elements[0]')).toEqual(path);
    expect(getElement(BASE, path)?.name).toBe('q3');
  });
});

describe('definition edits', () => {
  it('adds every offered type with a unique name, and the result passes the definition check', () => {
    let definition = BASE;
    for (const { type } of QUESTION_TYPES) {
      if (type === 'expression') continue;
      const element = newElement(definition, type);
      if (type === 'panel') element.elements = [{ type: 'text', name: `${element.name}_inner` }];
      if (type === 'paneldynamic') element.templateElements = [{ type: 'text', name: `${element.name}_inner` }];
      definition = addElement(definition, ['pages', 1, 'elements'], element).definition;
    }
    expect(checkDefinition(definition)).toEqual([]);
    expect(names(definition, 1).slice(0, 3)).toEqual(['q4', 'question1', 'question2']);
    expect(BASE.pages?.[1]?.elements).toHaveLength(1);
  });

  it('moves within a container and across containers, shifting paths as needed', () => {
    const down = moveBy(BASE, ['pages', 0, 'elements', 0], 1);
    expect(names(down.definition, 0)).toEqual(['q2', 'q1', 'panel1']);
    expect(down.path).toEqual(['pages', 0, 'elements', 1]);
    expect(moveBy(BASE, ['pages', 0, 'elements', 0], -1).definition).toBe(BASE);
    // q1 into the panel that follows it: the panel's index shifts from 2 to 1.
    const intoPanel = moveElement(BASE, ['pages', 0, 'elements', 0], ['pages', 0, 'elements', 2, 'elements'], 0);
    expect(intoPanel.path).toEqual(['pages', 0, 'elements', 1, 'elements', 0]);
    expect(getElement(intoPanel.definition, intoPanel.path)?.name).toBe('q1');
    const toPage2 = moveElement(BASE, ['pages', 0, 'elements', 1], ['pages', 1, 'elements'], 1);
    expect([names(toPage2.definition, 0), names(toPage2.definition, 1)]).toEqual([
      ['q1', 'panel1'],
      ['q4', 'q2'],
    ]);
    // A panel cannot go inside itself.
    expect(moveElement(BASE, ['pages', 0, 'elements', 2], ['pages', 0, 'elements', 2, 'elements'], 0).definition).toBe(
      BASE,
    );
  });

  it('keeps every element when moving any element anywhere', () => {
    const paths = [
      ['pages', 0, 'elements', 0],
      ['pages', 0, 'elements', 1],
      ['pages', 0, 'elements', 2],
      ['pages', 0, 'elements', 2, 'elements', 0],
      ['pages', 1, 'elements', 0],
    ];
    const containers = [
      ['pages', 0, 'elements'],
      ['pages', 1, 'elements'],
      ['pages', 0, 'elements', 2, 'elements'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.constantFrom(...containers), fc.nat(4), (from, to, index) => {
        const moved = moveElement(BASE, from, to, index);
        const all = JSON.stringify(moved.definition)
          .match(/"name":"q\d"/g)
          ?.sort();
        expect(all).toEqual(['"name":"q1"', '"name":"q2"', '"name":"q3"', '"name":"q4"']);
        expect(getElement(moved.definition, moved.path)?.name).toBe(getElement(BASE, from)?.name);
      }),
    );
  });

  it('renames references in conditions when a question is renamed', () => {
    const renamed = updateElement(BASE, ['pages', 0, 'elements', 1], { name: 'role' });
    expect(getElement(renamed, ['pages', 0, 'elements', 2, 'elements', 0])?.visibleIf).toBe("{role} = 'a'");
    expect(getElement(renamed, ['pages', 1, 'elements', 0])?.visibleIf).toBe('{role-Comment} notempty or {role} empty');
    expect(checkDefinition(renamed)).toEqual([]);
  });

  it('removes and duplicates elements, duplicates getting fresh names inside and out', () => {
    const removed = removeElement(BASE, ['pages', 0, 'elements', 0]);
    expect(names(removed, 0)).toEqual(['q2', 'panel1']);
    const duplicated = duplicateElement(BASE, ['pages', 0, 'elements', 2]);
    expect(names(duplicated.definition, 0)).toEqual(['q1', 'q2', 'panel1', 'panel2']);
    expect(getElement(duplicated.definition, [...duplicated.path, 'elements', 0])?.name).toBe('q5');
    expect(checkDefinition(duplicated.definition)).toEqual([]);
  });

  it('adds pages, turns top-level elements into a page, and edits default texts keeping translations', () => {
    expect(normalizePages({ elements: [{ type: 'text', name: 'a' }] })).toEqual({
      pages: [{ name: 'page1', elements: [{ type: 'text', name: 'a' }] }],
    });
    const added = addPage(BASE);
    expect([added.index, added.definition.pages?.[2]?.name]).toEqual([2, 'page3']);
    expect(withDefaultText({ default: 'Old', fr: 'Vieux' }, 'New')).toEqual({ default: 'New', fr: 'Vieux' });
    expect(withDefaultText('Old', 'New')).toBe('New');
    expect(withDefaultText('Old', '')).toBeUndefined();
  });
});
