// The types of the main entry, for `import`: the same declarations as for `require`
// (index.d.cts), kept in one place.
export * from "./index.cjs";
