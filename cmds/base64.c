/* base64: encode or decode data in RFC 4648 base64. */
#include "common.h"
#include "basenc.h"

static const struct cmd_info info = {
	.name = "base64",
	.text = CMD_USAGE("[OPTION]... [FILE]")
		CMD_SUMMARY("Encode FILE in base64, or decode it with -d, writing the result to\n"
		            "standard output.\n"
		            "\n"
		            "Without FILE, or when FILE is -, read standard input.\n"
		            "Arguments required by long options are required by short ones too.")
		CMD_DETAILS("The alphabet is base64's as RFC 4648 defines it. Newlines in the text to\n"
		            "decode are skipped; any other byte outside the alphabet is an error\n"
		            "unless --ignore-garbage is given. Missing padding at the end is accepted."),
};

int main_base64(int argc, char **argv)
{
	return basenc_main(argc, argv, &info, BASEENC_BASE64);
}
