import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { TFunction } from '../i18n/use-t.ts';
import type { FocusStore } from './focus-store.ts';
import type { Entity } from './grid-cells.ts';
import type { GridModel } from './grid-model.ts';
import type { GridStore } from './grid-store.ts';

/** Where to go after a cell is committed. */
export type Move = 'up' | 'down' | 'left' | 'right' | 'stay';

/** What the grid's cells share: the layout, the cells' store, the focus and the page's actions. */
export interface GridContextValue {
  model: GridModel;
  store: GridStore;
  focus: FocusStore;
  t: TFunction;
  /** Saves what was typed into a cell; answers a hint when the text is not a valid entry. */
  commit: (row: number, col: number, text: string, move: Move) => string | null;
  /** Moves the focus from the current cell. */
  move: (move: Move) => void;
}

/** The grid's shared pieces. */
export const GridContext = createContext<GridContextValue | null>(null);

/** The grid's shared pieces (inside the grid only). */
export function useGrid(): GridContextValue {
  const value = useContext(GridContext);
  if (!value) throw new Error('useGrid outside the grid');
  return value;
}

const noop = () => () => {};

/** One cell of the store, re-rendering only when that cell changes. */
export function useEntity(store: GridStore, key: string | null): Entity | undefined {
  const subscribe = useCallback(
    (listener: () => void) => (key ? store.subscribe(key, listener) : noop()),
    [store, key],
  );
  return useSyncExternalStore(subscribe, () => (key ? store.get(key) : undefined));
}
