/** A consumer that is a module: it may use the exported API only. */
module example.internal {
    requires eu.riscale.modelhub.core;
}
