/** One driver per conformance component: builds the component from a vector and renders outcomes. */
package io.parapipe.conformance.drivers;
