/**
 * A model port whose `generateJson` is replaced and everything else (describe, fits, close, the
 * backend's extras) is the original's: the one shape of every model decorator.
 */
import type { ModelPort } from "../core/ports.js";

export function decorateModel<M extends ModelPort>(model: M, generateJson: ModelPort["generateJson"]): M {
  return new Proxy(model, {
    get: (target, property, receiver) =>
      property === "generateJson" ? generateJson : Reflect.get(target, property, receiver),
  });
}
