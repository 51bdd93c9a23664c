<?php
/**
 * Plugin Name: dealdiff
 * Description: The dealdiff comparison widget as a block (dealdiff/comparison): how an agreement changed, term by term.
 * Version: 0.1.0
 * Requires at least: 6.5
 * Requires PHP: 7.4
 * License: MIT OR Apache-2.0
 *
 * A dynamic block: WordPress calls render.php for each block in a post, which prints the
 * <deal-diff> element and enqueues the widget's loader as a script module. The widget's four
 * files (dealdiff.js, dealdiff_glue.js, dealdiff_bg.wasm, dealdiff.css) are served from this
 * plugin's assets/ folder unless the `dealdiff_assets_url` filter names another folder (a CDN's
 * versioned path, say).
 */

defined( 'ABSPATH' ) || exit;

/** The URL of the folder holding dealdiff.js and the three files it loads, ending with "/". */
function dealdiff_assets_url() {
	return trailingslashit( apply_filters( 'dealdiff_assets_url', plugins_url( 'assets/', __FILE__ ) ) );
}

add_action(
	'init',
	function () {
		register_block_type( __DIR__ );
	}
);
