import { KeyedEmitter } from './keyed-emitter.ts';

/** What a cell is to the roving focus: not focused, focused, or being edited. */
export type FocusState = 'none' | 'focus' | 'edit';

/** The one focused cell of the grid (roving tabindex) and whether it is being edited. */
export class FocusStore {
  row = 0;
  col = 0;
  editing = false;
  /** The text the editor starts with: the typed key, or the cell's value (F2). */
  initial = '';
  /** Move the browser's focus to the cell when it becomes current (not on the first render). */
  moveDom = false;
  private readonly emitter = new KeyedEmitter();

  /** Starts at a cell. */
  constructor(row: number, col: number) {
    this.row = row;
    this.col = col;
  }

  /** Listens to one cell's focus state. */
  subscribe = (key: string, listener: () => void) => this.emitter.subscribe(key, listener);

  /** The focus state of a cell. */
  stateOf(row: number, col: number): FocusState {
    if (row !== this.row || col !== this.col) return 'none';
    return this.editing ? 'edit' : 'focus';
  }

  /** Makes a cell current; `dom` also moves the browser's focus there. */
  moveTo(row: number, col: number, dom = true) {
    const old = `${this.row}:${this.col}`;
    this.row = row;
    this.col = col;
    this.editing = false;
    this.moveDom = dom;
    this.emitter.emit(old);
    this.emitter.emit(`${row}:${col}`);
  }

  /** Opens the editor of the current cell with some text. */
  startEdit(initial: string) {
    this.initial = initial;
    this.editing = true;
    this.emitter.emit(`${this.row}:${this.col}`);
  }

  /** Closes the editor; the cell keeps the focus (and the browser's, unless it went elsewhere). */
  stopEdit(dom = true) {
    this.editing = false;
    this.moveDom = dom;
    this.emitter.emit(`${this.row}:${this.col}`);
  }
}
